using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NormDecay.Charts.Text;
using Plotly.NET;

namespace NormDecay.Charts.Output;

/// <summary>
/// Turns a chart into what a page needs, with no CDN and no require.js: the figure JSON plotly.js takes, a div and
/// script that draw it with an already loaded <c>window.Plotly</c>, and the plotly.min.js that Plotly.NET embeds.
/// </summary>
public static partial class ChartOutput
{
    /// <summary>The MIME type of plotly figures, <c>application/vnd.plotly.v1+json</c>: the figure as a JSON object (the one declaration; notebook display, exporter and grader use it).</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The MIME type of a chart's HTML fallback (<see cref="NotebookChartHtml"/>): <c>text/html</c>.</summary>
    public const string HtmlMimeType = "text/html";

    private static readonly Lazy<(string Name, string Text)> Script = new(LoadPlotlyJs);

    /// <summary>
    /// The figure as plotly.js takes it: <c>{"data": [...], "layout": {...}, "config": {...}}</c>
    /// (Plotly.NET's <c>GenericChart.toJson</c>). Non-finite values are already <c>null</c>.
    /// </summary>
    public static string ToFigureJson(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.toJson(chart);
    }

    /// <summary>
    /// A <c>div</c> with id <paramref name="divId"/> and a script calling <c>Plotly.newPlot</c> on it. Assumes
    /// <c>window.Plotly</c> is defined (by <see cref="PlotlyJs"/> inlined earlier in the page); when the script runs
    /// before plotly.js, drawing waits for the window's load event. <c>&lt;/</c> in labels is escaped, so a title
    /// cannot close the script.
    /// </summary>
    /// <param name="chart">The figure.</param>
    /// <param name="divId">The div's id: a letter, then letters, digits, '-' or '_'.</param>
    /// <exception cref="ArgumentException">When <paramref name="divId"/> is not such an id.</exception>
    public static string ToHtml(GenericChart chart, string divId)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (divId is null || !DivIdPattern().IsMatch(divId))
        {
            throw new ArgumentException($"Chart div id '{divId}' must start with a letter and contain only letters, digits, '-' and '_'.", nameof(divId));
        }

        var json = ToFigureJson(chart).Replace("</", "<\\/", StringComparison.Ordinal);
        return $$"""
            <div id="{{divId}}" class="normdecay-chart" style="width:100%;"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{json}};
              var draw = function () {
                if (!window.Plotly) { console.error('NormDecay chart {{divId}}: window.Plotly is not loaded.'); return; }
                window.Plotly.newPlot('{{divId}}', figure.data, figure.layout, figure.config);
              };
              if (window.Plotly) { draw(); } else { window.addEventListener('load', draw); }
            })();
            </script>
            """;
    }

    /// <summary>The manifest resource name of plotly.min.js inside the Plotly.NET assembly (e.g. <c>Plotly.NET.plotly-2.28.0.min.js</c>).</summary>
    public static string PlotlyJsResourceName => Script.Value.Name;

    /// <summary>The plotly.js version Plotly.NET embeds (e.g. <c>2.28.0</c>), read from the resource name.</summary>
    public static string PlotlyJsVersion => VersionPattern().Match(PlotlyJsResourceName).Groups[1].Value;

    /// <summary>The text of the plotly.min.js embedded in Plotly.NET (about 3.6 MB), to inline in an offline page.</summary>
    /// <exception cref="InvalidOperationException">When the Plotly.NET assembly carries no plotly*.min.js resource.</exception>
    public static string PlotlyJs() => Script.Value.Text;

    /// <summary>
    /// A complete HTML page that works from <c>file://</c> with no network: plotly.min.js inlined in the head, then
    /// each chart (<see cref="ToHtml"/>, ids <c>chart-1</c>, <c>chart-2</c>, ...). Persian pages are <c>dir="rtl"</c>.
    /// </summary>
    /// <param name="charts">The figures, in page order.</param>
    /// <param name="title">Page title (HTML-escaped).</param>
    /// <param name="language">Page language, <c>en</c> or <c>fa</c>; default the current <see cref="ChartText.Language"/>.</param>
    public static string ToStandaloneHtml(IEnumerable<GenericChart> charts, string title, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(charts);
        language ??= ChartText.Language;
        var rtl = CourseLanguage.IsRightToLeft(language);
        var body = new StringBuilder();
        var i = 0;
        foreach (var chart in charts)
        {
            body.AppendLine(ToHtml(chart, $"chart-{++i}"));
        }

        var font = rtl ? Style.ChartStyle.PersianFontFamily : Style.ChartStyle.LatinFontFamily;
        return $$"""
            <!DOCTYPE html>
            <html lang="{{language}}" dir="{{CourseLanguage.Direction(language)}}">
            <head>
            <meta charset="utf-8">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>body { font-family: {{font}}; margin: 16px; } .normdecay-chart { margin-bottom: 24px; }</style>
            <script type="text/javascript">{{PlotlyJs()}}</script>
            </head>
            <body>
            {{body}}</body>
            </html>
            """;
    }

    private static (string Name, string Text) LoadPlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames()
            .Where(n => n.Contains("plotly", StringComparison.OrdinalIgnoreCase) && n.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(n => n, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"No plotly*.min.js resource in {assembly.GetName().Name} {assembly.GetName().Version}; resources: {string.Join(", ", assembly.GetManifestResourceNames())}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return (name, reader.ReadToEnd());
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex DivIdPattern();

    [GeneratedRegex(@"(\d+\.\d+\.\d+)")]
    private static partial Regex VersionPattern();
}
