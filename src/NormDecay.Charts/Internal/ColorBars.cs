namespace NormDecay.Charts.Internal;

/// <summary>
/// A colour bar right of every panel, its title running up along the bar. A title on top of the bar is wider than
/// the bar, and Chromium reports the box of right-to-left SVG text at the wrong place, so plotly's automargin did
/// not make room for "log10 هزینه" and it was cut off at the figure's right edge (seen in headless screenshots).
/// Along the bar the title only needs one line height of margin, which plotly reserves correctly in both languages.
/// </summary>
internal static class ColorBars
{
    /// <summary>Colour-bar attributes: at paper x = 1.02 (left edge; plotly's default place), title on its right side.</summary>
    /// <param name="title">The title text (already resolved in the current language).</param>
    /// <param name="length">Bar length as a fraction of the plot height.</param>
    public static JsonObj Right(string title, double length = 0.9) => new()
    {
        ["title"] = new JsonObj { ["text"] = title, ["side"] = "right" },
        ["thickness"] = 14,
        ["len"] = length,
        ["x"] = 1.02,
        ["xanchor"] = "left",
    };
}
