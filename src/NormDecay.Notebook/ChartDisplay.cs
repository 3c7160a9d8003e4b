using Microsoft.DotNet.Interactive.Formatting;
using NormDecay.Charts.Output;
using Plotly.NET;

namespace NormDecay.Notebook;

/// <summary>
/// How a Plotly.NET chart shows in a notebook, following <see cref="ChartDisplayPolicy"/>: every displayed
/// <see cref="GenericChart"/> becomes one display value with <see cref="ChartOutput.PlotlyMimeType"/> (the figure as data)
/// and <see cref="ChartOutput.HtmlMimeType"/> (<see cref="NotebookChartHtml"/>: plotly.js once per kernel session, offline).
/// Under a Jupyter client the figure goes out as a JSON object, not a string (<see cref="JupyterJsonOutputs"/>).
/// </summary>
public static class ChartDisplay
{
    private static readonly Lock Gate = new();
    private static bool scriptSent;

    /// <summary>Registers the two formatters for <see cref="GenericChart"/> and makes them its preferred MIME types.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            scriptSent = false; // re-running the setup cell re-sends plotly.js (e.g. after the front end reloaded its view)
        }

        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToFigureJson(chart)), ChartOutput.PlotlyMimeType);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToHtml(chart)), ChartOutput.HtmlMimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), [.. ChartDisplayPolicy.MimeTypes]);
    }

    /// <summary>The figure as plotly JSON (<see cref="ChartOutput.ToFigureJson"/>); under a Jupyter client it is sent as an object.</summary>
    /// <param name="chart">The chart.</param>
    public static string ToFigureJson(GenericChart chart)
    {
        JupyterJsonOutputs.EnsureForCurrentRequest();
        return ChartOutput.ToFigureJson(chart);
    }

    /// <summary>
    /// The HTML fallback of <paramref name="chart"/> (<see cref="NotebookChartHtml.ToHtml"/>); the first call of a kernel session
    /// (after <see cref="Register"/>) carries plotly.js when <see cref="ChartDisplayPolicy.Current"/> is <see cref="PlotlyJsMode.Inline"/>.
    /// </summary>
    /// <param name="chart">The chart.</param>
    public static string ToHtml(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        JupyterJsonOutputs.EnsureForCurrentRequest();
        PlotlyJsMode mode = ChartDisplayPolicy.Current;
        if (mode == PlotlyJsMode.Cdn)
        {
            return Plotly.NET.Interactive.Formatters.toInteractiveHTML(chart);
        }

        bool includeScript = false;
        if (mode == PlotlyJsMode.Inline)
        {
            lock (Gate)
            {
                includeScript = !scriptSent;
                scriptSent = true;
            }
        }

        return NotebookChartHtml.ToHtml(ChartOutput.ToFigureJson(chart), includeScript);
    }
}
