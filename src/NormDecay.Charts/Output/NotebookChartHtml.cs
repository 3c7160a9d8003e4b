using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace NormDecay.Charts.Output;

/// <summary>
/// The <c>text/html</c> form of a chart in a notebook, for front ends that do not draw <see cref="ChartOutput.PlotlyMimeType"/>
/// (JupyterLab without a Plotly extension, VS Code without the renderers extension, <c>jupyter nbconvert --to html</c>): a
/// <c>div</c> marked <see cref="MarkerAttribute"/> and a script that draws the figure once <c>window.Plotly</c> exists. plotly.js
/// comes with the first chart of a kernel session, gzip-compressed and base64-encoded (about 1.4 MB instead of 3.6 MB), and is
/// unpacked in the browser with <c>DecompressionStream</c>; no network is used.
/// </summary>
public static class NotebookChartHtml
{
    /// <summary>The attribute every chart container of this HTML carries (<c>data-normdecay-chart</c>), by which exporters recognise it.</summary>
    public const string MarkerAttribute = "data-normdecay-chart";

    /// <summary>The attribute of the script element that carries plotly.js (<c>data-normdecay="plotly-js"</c>).</summary>
    public const string LoaderAttribute = "data-normdecay=\"plotly-js\"";

    private static readonly Lazy<string> Loader = new(BuildLoader);

    /// <summary>
    /// The HTML for a figure given as plotly JSON. With <paramref name="includePlotlyJs"/> the compressed plotly.js loader comes
    /// first. The drawing script retries for 30 s, then writes a note asking to run the setup cell again.
    /// </summary>
    /// <param name="figureJson">A plotly figure: a JSON object with <c>data</c> and optionally <c>layout</c> and <c>config</c>.</param>
    /// <param name="includePlotlyJs">True to carry plotly.js (the first chart of a kernel session).</param>
    /// <exception cref="ArgumentException"><paramref name="figureJson"/> is not a JSON object.</exception>
    public static string ToHtml(string figureJson, bool includePlotlyJs)
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
        if (includePlotlyJs)
        {
            html.Append(LoaderElement());
        }

        html.Append("<div id=\"").Append(id).Append("\" class=\"normdecay-chart\" ").Append(MarkerAttribute).Append("></div>");
        html.Append("<script type=\"text/javascript\">(function(){var fig=").Append(safeJson)
            .Append(";var id='").Append(id).Append("';var t0=Date.now();")
            .Append("function draw(){var el=document.getElementById(id);")
            .Append("if(window.Plotly&&el){window.Plotly.newPlot(el,fig.data,fig.layout||{},fig.config||{});}")
            .Append("else if(Date.now()-t0<30000){setTimeout(draw,50);}")
            .Append("else if(el){el.textContent=window.__normdecayPlotlyError||'plotly.js is not loaded in this view: run the setup cell (the first code cell) again.';}}")
            .Append("draw();})();</script>");
        return html.ToString();
    }

    /// <summary>True when <paramref name="html"/> is (or contains) a chart written by <see cref="ToHtml"/>.</summary>
    public static bool IsChartHtml(string html) =>
        html is not null && (html.Contains(MarkerAttribute, StringComparison.Ordinal) || html.Contains(LoaderAttribute, StringComparison.Ordinal));

    /// <summary>
    /// The <c>script</c> element that defines <c>window.Plotly</c> unless it is already defined (or being loaded): plotly.min.js
    /// gzip-compressed in base64, unpacked with <c>DecompressionStream</c> and run with <c>define</c>, <c>module</c> and
    /// <c>exports</c> shadowed, so the UMD bundle sets the global even where require.js is loaded (Jupyter front ends).
    /// </summary>
    public static string LoaderElement() => Loader.Value;

    private static string BuildLoader()
    {
        byte[] source = Encoding.UTF8.GetBytes(ChartOutput.PlotlyJs());
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(source);
        }

        string b64 = Convert.ToBase64String(packed.GetBuffer(), 0, (int)packed.Length);
        return "<script type=\"text/javascript\" " + LoaderAttribute + " data-plotly-version=\"" + ChartOutput.PlotlyJsVersion + "\">"
            + "(function(){if(window.Plotly||window.__normdecayPlotlyLoading){return;}window.__normdecayPlotlyLoading=true;"
            + "function fail(e){window.__normdecayPlotlyError='plotly.js could not be unpacked in this view ('+e+').';window.__normdecayPlotlyLoading=false;}"
            + "if(typeof DecompressionStream==='undefined'){fail('no DecompressionStream');return;}"
            + "var b=atob(\"" + b64 + "\");var u=new Uint8Array(b.length);for(var i=0;i<b.length;i++){u[i]=b.charCodeAt(i);}"
            + "new Response(new Blob([u]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(function(src){"
            + "try{(new Function('define','module','exports',src)).call(window,undefined,undefined,undefined);}"
            + "catch(e){var s=document.createElement('script');s.text='(function(define,module,exports){'+src+'\\n}).call(window);';document.head.appendChild(s);}"
            + "if(!window.Plotly){fail('the bundle did not define window.Plotly');}"
            + "},fail);})();</script>";
    }
}
