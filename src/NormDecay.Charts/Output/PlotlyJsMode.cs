namespace NormDecay.Charts.Output;

/// <summary>Where the HTML form of a notebook chart gets plotly.js (see <see cref="ChartDisplayPolicy"/>).</summary>
public enum PlotlyJsMode
{
    /// <summary>Offline: plotly.min.js travels gzip-compressed inside the first chart of a kernel session (about 1.4 MB instead of 3.6 MB).</summary>
    Inline,

    /// <summary>Plotly.NET.Interactive's own HTML, which loads plotly.js from a CDN through require.js: small outputs, needs the network.</summary>
    Cdn,

    /// <summary>No plotly.js at all: the HTML draws only where <c>window.Plotly</c> is already loaded (e.g. a page that loads it once).</summary>
    None,
}
