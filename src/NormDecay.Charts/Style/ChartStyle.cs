using NormDecay.Charts.Text;

namespace NormDecay.Charts.Style;

/// <summary>
/// The look every course figure shares: a colour-blind-safe palette (Okabe and Ito, 2008), font families per
/// language, font sizes and the default figure size. Change a value here and every figure follows.
/// </summary>
public static class ChartStyle
{
    /// <summary>
    /// Series colours in order: the Okabe-Ito palette without its yellow (too pale on white), then eight darker
    /// tones for charts with many series. Series i takes <c>Palette[i % Palette.Count]</c>.
    /// </summary>
    public static IReadOnlyList<string> Palette { get; } =
    [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999",
        "#1B3A6B", "#8C2D04", "#00563F", "#7A3A6B", "#8A6100", "#2F7FA8", "#555555", "#B15928",
    ];

    /// <summary>Font family of English figures.</summary>
    public const string LatinFontFamily = "Segoe UI, Helvetica Neue, Arial, sans-serif";

    /// <summary>Font family of Persian figures (Vazirmatn when installed, Tahoma on Windows).</summary>
    public const string PersianFontFamily = "Vazirmatn, Tahoma, sans-serif";

    /// <summary>Size of axis labels, legends and ticks, in pixels.</summary>
    public const int FontSize = 14;

    /// <summary>Size of the figure title, in pixels.</summary>
    public const int TitleFontSize = 18;

    /// <summary>Default figure height in pixels (width follows the page: figures are responsive).</summary>
    public const int Height = 460;

    /// <summary>Colour of grid lines.</summary>
    public const string GridColor = "#E6E6E6";

    /// <summary>Colour scale of contour plots and heat-maps (plotly's perceptually uniform Viridis).</summary>
    public const string ColorScale = "Viridis";

    /// <summary>The font family for the current <see cref="ChartText.Language"/>.</summary>
    public static string FontFamily => ChartText.IsRightToLeft ? PersianFontFamily : LatinFontFamily;

    /// <summary>The colour of series <paramref name="index"/> (wraps around the palette).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="index"/> is negative.</exception>
    public static string Color(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Palette[index % Palette.Count];
    }
}
