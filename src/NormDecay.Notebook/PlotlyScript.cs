using NormDecay.Charts.Output;

namespace NormDecay.Notebook;

/// <summary>
/// plotly.min.js as Plotly.NET embeds it (resource <c>Plotly.NET.plotly-&lt;version&gt;.min.js</c>, 2.28.0 in Plotly.NET 6.0.0),
/// wrapped so it can be inlined in a notebook's HTML output and defines <c>window.Plotly</c> even where require.js is present.
/// </summary>
public static class PlotlyScript
{
    /// <summary>The plotly.js version embedded in Plotly.NET, e.g. "2.28.0" (read by <see cref="ChartOutput.PlotlyJsVersion"/>).</summary>
    public static string Version => ChartOutput.PlotlyJsVersion;

    /// <summary>The plotly.min.js source text, unchanged (<see cref="ChartOutput.PlotlyJs"/>).</summary>
    public static string Source => ChartOutput.PlotlyJs();

    /// <summary>
    /// A <c>&lt;script&gt;</c> element that defines <c>window.Plotly</c> unless it is already defined. <c>define</c>,
    /// <c>module</c> and <c>exports</c> are shadowed so the UMD bundle assigns the global instead of registering an AMD
    /// module (Jupyter front ends load require.js); <c>&lt;/script</c> inside the bundle is escaped.
    /// </summary>
    public static string InlineScriptElement() =>
        "<script type=\"text/javascript\" data-normdecay=\"plotly-js\">if(!window.Plotly){(function(define,module,exports){"
        + Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n}).call(window,undefined,undefined,undefined);}</script>";
}
