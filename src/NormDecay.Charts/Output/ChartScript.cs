using System.Reflection;
using NormDecay.Charts.Style;

namespace NormDecay.Charts.Output;

/// <summary>
/// The one script that draws charts in a browser page (<c>normdecay-charts.js</c>, embedded in this assembly): it defines
/// <c>window.NormDecayCharts.draw(element, figure, options)</c> and <c>drawAll(elements, options)</c>, which apply the
/// course's display policy (responsive width, no plotly logo, the Persian font on right-to-left pages). The exported site
/// ships it beside plotly.min.js and its <c>site.js</c> only calls it.
/// </summary>
public static class ChartScript
{
    /// <summary>The file name the script gets beside plotly.min.js: <c>normdecay-charts.js</c>.</summary>
    public const string FileName = "normdecay-charts.js";

    private const string ResourceName = "NormDecay.Charts.Output.normdecay-charts.js";

    private static readonly Lazy<string> Source = new(Load);

    /// <summary>The script's text, with the chart fonts of <see cref="ChartStyle"/> filled in.</summary>
    public static string Text => Source.Value;

    private static string Load()
    {
        Assembly assembly = typeof(ChartScript).Assembly;
        using Stream stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded script '{ResourceName}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("__NORMDECAY_PERSIAN_FONT__", ChartStyle.PersianFontFamily, StringComparison.Ordinal);
    }
}
