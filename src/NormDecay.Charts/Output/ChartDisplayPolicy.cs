namespace NormDecay.Charts.Output;

/// <summary>
/// The display policy of charts in notebooks, in one place for the notebook setup, the runner and the grader: a chart is one
/// display value with <see cref="ChartOutput.PlotlyMimeType"/> first (the figure as a JSON object, drawn by the NormDecay
/// exporter and by Jupyter front ends with a Plotly renderer) and <see cref="ChartOutput.HtmlMimeType"/> second (a fallback
/// drawn with plotly.js wherever scripts run); where that HTML gets plotly.js is chosen by <see cref="PlotlyJsModeVariable"/>.
/// </summary>
public static class ChartDisplayPolicy
{
    /// <summary>
    /// Environment variable choosing <see cref="PlotlyJsMode"/> for the HTML fallback: <c>NORMDECAY_PLOTLY_JS</c> = <c>inline</c>
    /// (default), <c>cdn</c> or <c>none</c>.
    /// </summary>
    public const string PlotlyJsModeVariable = "NORMDECAY_PLOTLY_JS";

    /// <summary>The MIME types of a chart's display value, richest first.</summary>
    public static IReadOnlyList<string> MimeTypes { get; } = [ChartOutput.PlotlyMimeType, ChartOutput.HtmlMimeType];

    /// <summary>The mode this process runs with (<see cref="PlotlyJsModeVariable"/>; unknown or unset values mean <see cref="PlotlyJsMode.Inline"/>).</summary>
    public static PlotlyJsMode Current => Parse(Environment.GetEnvironmentVariable(PlotlyJsModeVariable));

    /// <summary>Reads a value of <see cref="PlotlyJsModeVariable"/>: <c>cdn</c>, <c>none</c>, anything else <see cref="PlotlyJsMode.Inline"/>.</summary>
    /// <param name="value">The variable's value, or null.</param>
    public static PlotlyJsMode Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "cdn" => PlotlyJsMode.Cdn,
        "none" => PlotlyJsMode.None,
        _ => PlotlyJsMode.Inline,
    };

    /// <summary>The value of <see cref="PlotlyJsModeVariable"/> that selects <paramref name="mode"/>.</summary>
    public static string ValueOf(PlotlyJsMode mode) => mode.ToString().ToLowerInvariant();
}
