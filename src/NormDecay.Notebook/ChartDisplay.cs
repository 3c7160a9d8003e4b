using NormDecay.Charts.Output;
using System.Text;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace NormDecay.Notebook;

/// <summary>
/// How a Plotly.NET chart shows in a notebook: every displayed <see cref="GenericChart"/> becomes one display value with
/// two MIME types, <see cref="PlotlyMimeType"/> (the figure as data: <c>{data, layout, config}</c>, which Jupyter front
/// ends and the NormDecay exporter draw) and <c>text/html</c> (a <c>div</c> and a script that draws the same figure with
/// plotly.js; no network: plotly.min.js from Plotly.NET is inlined in the first chart of a kernel session and every chart
/// waits for <c>window.Plotly</c>).
/// </summary>
public static class ChartDisplay
{
    /// <summary>The MIME type of plotly figures: <c>application/vnd.plotly.v1+json</c>.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The MIME type of the HTML fallback: <c>text/html</c>.</summary>
    public const string HtmlMimeType = "text/html";

    /// <summary>
    /// Environment variable choosing where the HTML fallback gets plotly.js: unset or <c>inline</c> (default, offline:
    /// inlined once per kernel session), <c>cdn</c> (Plotly.NET.Interactive's own HTML, which loads plotly.js from a CDN
    /// through require.js: smaller notebooks, needs the network).
    /// </summary>
    public const string ScriptModeVariable = "NORMDECAY_PLOTLY_JS";

    private static readonly Lock Gate = new();
    private static bool scriptSent;

    /// <summary>Registers the two formatters for <see cref="GenericChart"/> and makes them its preferred MIME types.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            scriptSent = false; // re-running the setup cell re-injects plotly.js (e.g. after the front end reloaded its view)
        }

        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToFigureJson(chart)), PlotlyMimeType);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToHtml(chart)), HtmlMimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), PlotlyMimeType, HtmlMimeType);
    }

    /// <summary>The figure as plotly JSON: an object with <c>data</c>, <c>layout</c> and <c>config</c> (Plotly.NET's <c>GenericChart.toJson</c>).</summary>
    /// <param name="chart">The chart.</param>
    public static string ToFigureJson(GenericChart chart)
    {
        return ChartOutput.ToFigureJson(chart);
    }

    /// <summary>
    /// The HTML fallback of <paramref name="chart"/>: a container <c>div</c> and a script drawing the figure once
    /// <c>window.Plotly</c> exists (it retries for 20 s, then writes a note asking to re-run the setup cell). The first call
    /// of a kernel session (after <see cref="Register"/>) also carries plotly.min.js.
    /// </summary>
    /// <param name="chart">The chart.</param>
    public static string ToHtml(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (string.Equals(Environment.GetEnvironmentVariable(ScriptModeVariable), "cdn", StringComparison.OrdinalIgnoreCase))
        {
            return Plotly.NET.Interactive.Formatters.toInteractiveHTML(chart);
        }

        bool includeScript;
        lock (Gate)
        {
            includeScript = !scriptSent;
            scriptSent = true;
        }

        return ToHtml(ToFigureJson(chart), includeScript);
    }

    /// <summary>The HTML fallback for a figure given as plotly JSON, with or without plotly.min.js inlined.</summary>
    /// <param name="figureJson">A plotly figure: an object with <c>data</c> and optionally <c>layout</c> and <c>config</c>.</param>
    /// <param name="includePlotlyScript">True to inline plotly.min.js (about 3.6 MB) before the chart.</param>
    /// <exception cref="ArgumentException"><paramref name="figureJson"/> is not a JSON object.</exception>
    public static string ToHtml(string figureJson, bool includePlotlyScript)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(figureJson);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(figureJson);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"figureJson must be a JSON object with 'data', but it is a {doc.RootElement.ValueKind}.", nameof(figureJson));
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"figureJson is not valid JSON: {e.Message}", nameof(figureJson), e);
        }

        string id = "normdecay-chart-" + Guid.NewGuid().ToString("N");
        // Inside <script>, "</" must not appear literally; JSON allows "\/" for "/".
        string safeJson = figureJson.Replace("</", "<\\/", StringComparison.Ordinal);
        var html = new StringBuilder();
        if (includePlotlyScript)
        {
            html.Append(PlotlyScript.InlineScriptElement());
        }

        html.Append("<div id=\"").Append(id).Append("\" class=\"normdecay-chart\"></div>");
        html.Append("<script type=\"text/javascript\">(function(){var fig=").Append(safeJson)
            .Append(";var id='").Append(id).Append("';var t0=Date.now();")
            .Append("function draw(){var el=document.getElementById(id);")
            .Append("if(window.Plotly&&el){window.Plotly.newPlot(el,fig.data,fig.layout||{},fig.config||{});}")
            .Append("else if(Date.now()-t0<20000){setTimeout(draw,50);}")
            .Append("else if(el){el.textContent='plotly.js is not loaded in this view: run the setup cell (the first code cell) again.';}}")
            .Append("draw();})();</script>");
        return html.ToString();
    }
}
