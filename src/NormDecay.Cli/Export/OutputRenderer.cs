using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NormDecay.Charts.Output;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Export;

/// <summary>What became of one notebook output on the page.</summary>
internal enum OutputKind
{
    /// <summary>A Plotly chart drawn from <c>application/vnd.plotly.v1+json</c>.</summary>
    Chart,

    /// <summary>Sanitized HTML (tables, formatted values).</summary>
    Html,

    /// <summary>An image (PNG, JPEG or SVG).</summary>
    Image,

    /// <summary>Plain text, a stream, markdown or LaTeX.</summary>
    Text,

    /// <summary>An error with its message and traceback.</summary>
    Error,

    /// <summary>Kernel plumbing (probe scripts, "Installed Packages", extension loading): not shown.</summary>
    Plumbing,
}

/// <summary>One rendered output.</summary>
/// <param name="Kind">What it became.</param>
/// <param name="Html">The HTML placed on the page (empty for plumbing).</param>
/// <param name="Warning">Set when something could not be shown as intended (e.g. a chart without plotly JSON).</param>
internal readonly record struct RenderedOutput(OutputKind Kind, string Html, string? Warning = null);

/// <summary>
/// Turns notebook outputs into page HTML. A chart is drawn from its plotly JSON only (the HTML fallback beside it
/// carries require.js and CDN loaders and is ignored); other HTML is sanitized; kernel plumbing is dropped.
/// </summary>
internal static partial class OutputRenderer
{
    /// <summary>The MIME type Plotly charts are stored under (<see cref="ChartOutput.PlotlyMimeType"/>).</summary>
    public const string PlotlyMime = ChartOutput.PlotlyMimeType;

    private static readonly string[] PlumbingMarkers =
    [
        "Installed Packages",
        "Loading extensions from",
        "Loading extension script from",
        "Restore sources",
    ];

    /// <summary>Renders <paramref name="output"/>; <paramref name="chartId"/> names the chart container if it is a chart.</summary>
    public static RenderedOutput Render(NotebookOutput output, string chartId)
    {
        switch (output.OutputType)
        {
            case "stream":
                string text = StripAnsi(output.StreamText ?? "");
                string cls = output.StreamName == "stderr" ? "nd-stream nd-stderr" : "nd-stream";
                return IsPlumbingText(text)
                    ? new RenderedOutput(OutputKind.Plumbing, "")
                    : new RenderedOutput(OutputKind.Text, $"<pre class=\"{cls}\">{Html.Escape(text)}</pre>");
            case "error":
                return RenderError(output);
            case "display_data" or "execute_result" or "update_display_data":
                return RenderData(output.Data, chartId);
            default:
                return new RenderedOutput(OutputKind.Plumbing, "", $"unknown output_type '{output.OutputType}' skipped");
        }
    }

    private static RenderedOutput RenderData(IReadOnlyDictionary<string, string> data, string chartId)
    {
        if (data.Values.Any(IsPlumbingText))
        {
            return new RenderedOutput(OutputKind.Plumbing, "");
        }

        if (data.TryGetValue(PlotlyMime, out string? figure))
        {
            return RenderChart(figure, chartId);
        }

        if (data.TryGetValue("image/svg+xml", out string? svg))
        {
            SanitizedHtml clean = HtmlSanitizer.Clean(svg);
            return new RenderedOutput(OutputKind.Image, $"<div class=\"nd-image\">{clean.Html}</div>");
        }

        foreach (string mime in new[] { "image/png", "image/jpeg", "image/gif" })
        {
            if (data.TryGetValue(mime, out string? b64))
            {
                string compact = b64.Replace("\n", "", StringComparison.Ordinal).Trim();
                return new RenderedOutput(OutputKind.Image, $"<div class=\"nd-image\"><img alt=\"\" src=\"data:{mime};base64,{compact}\"></div>");
            }
        }

        if (data.TryGetValue("text/html", out string? html))
        {
            if (LooksLikeChartScript(html))
            {
                return new RenderedOutput(OutputKind.Plumbing, "", "a chart output has only its HTML/script form and no application/vnd.plotly.v1+json data; it cannot be drawn offline and was left out");
            }

            SanitizedHtml clean = HtmlSanitizer.Clean(html);
            return clean.IsEmpty
                ? new RenderedOutput(OutputKind.Plumbing, "")
                : new RenderedOutput(OutputKind.Html, $"<div class=\"nd-html\">{clean.Html}</div>");
        }

        if (data.TryGetValue("text/markdown", out string? md))
        {
            SanitizedHtml clean = HtmlSanitizer.Clean(MarkdownRenderer.ToHtml(md));
            return new RenderedOutput(OutputKind.Text, $"<div class=\"nd-markdown-output\">{clean.Html}</div>");
        }

        if (data.TryGetValue("text/latex", out string? latex))
        {
            string tex = latex.Trim().Trim('$').Trim();
            return new RenderedOutput(OutputKind.Text, $"<div class=\"math\">\\[{Html.Escape(tex)}\\]</div>");
        }

        if (data.TryGetValue("text/plain", out string? plain))
        {
            return string.IsNullOrWhiteSpace(plain)
                ? new RenderedOutput(OutputKind.Plumbing, "")
                : new RenderedOutput(OutputKind.Text, $"<pre class=\"nd-text\">{Html.Escape(StripAnsi(plain))}</pre>");
        }

        return new RenderedOutput(OutputKind.Plumbing, "", $"an output with MIME types [{string.Join(", ", data.Keys)}] has nothing the exporter can show");
    }

    private static RenderedOutput RenderChart(string figureJson, string chartId)
    {
        string json;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(figureJson);
            JsonElement root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.String)
            {
                // Some kernels store the figure as a JSON string holding JSON.
                using JsonDocument inner = JsonDocument.Parse(root.GetString()!);
                json = inner.RootElement.GetRawText();
            }
            else
            {
                json = root.GetRawText();
            }
        }
        catch (JsonException e)
        {
            return new RenderedOutput(OutputKind.Error, $"<pre class=\"nd-error\">{Html.Escape("Chart data is not valid JSON: " + e.Message)}</pre>", $"chart {chartId}: invalid plotly JSON ({e.Message})");
        }

        var sb = new StringBuilder();
        sb.Append("<figure class=\"nd-chart-frame\"><div class=\"nd-chart\" id=\"").Append(chartId)
          .Append("\" data-figure=\"").Append(chartId).Append("-data\"></div>")
          .Append("<script type=\"application/json\" id=\"").Append(chartId).Append("-data\">")
          .Append(Html.EscapeJsonForScript(json)).Append("</script></figure>");
        return new RenderedOutput(OutputKind.Chart, sb.ToString());
    }

    private static RenderedOutput RenderError(NotebookOutput output)
    {
        string name = output.ErrorName ?? "Error";
        string value = StripAnsi(output.ErrorValue ?? "");
        var sb = new StringBuilder();
        sb.Append("<div class=\"nd-error\" role=\"alert\"><div class=\"nd-error-title\">").Append(Html.Escape(name)).Append("</div>");
        string trace = StripAnsi(string.Join("\n", output.Traceback)).Trim();
        string body = trace.Length == 0 || trace == value.Trim() ? value : (value.Length == 0 || trace.Contains(value, StringComparison.Ordinal) ? trace : value + "\n" + trace);
        sb.Append("<pre>").Append(Html.Escape(body)).Append("</pre></div>");
        return new RenderedOutput(OutputKind.Error, sb.ToString());
    }

    private static bool IsPlumbingText(string text) =>
        PlumbingMarkers.Any(m => text.Contains(m, StringComparison.Ordinal));

    // The notebook's own chart HTML (NotebookChartHtml) or Plotly.NET.Interactive's CDN markup (the grader's mode).
    private static bool LooksLikeChartScript(string html) =>
        NotebookChartHtml.IsChartHtml(html) || html.Contains("Plotly.newPlot", StringComparison.Ordinal) || html.Contains("cdn.plot.ly", StringComparison.OrdinalIgnoreCase);

    /// <summary>Removes ANSI colour escapes (kernel tracebacks carry them).</summary>
    public static string StripAnsi(string text) => AnsiEscape().Replace(text, "");

    [GeneratedRegex(@"\x1B\[[0-9;?]*[ -/]*[@-~]")]
    private static partial Regex AnsiEscape();
}
