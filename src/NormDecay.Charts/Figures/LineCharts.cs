using NormDecay.Charts.Internal;
using NormDecay.Charts.Text;
using Plotly.NET;

namespace NormDecay.Charts.Figures;

/// <summary>One panel of <see cref="LineCharts.Panels"/>: its title, axes and curves.</summary>
/// <param name="Title">Panel title shown above it (<see cref="ChartLabel.None"/> for none).</param>
/// <param name="XAxis">Horizontal axis label.</param>
/// <param name="YAxis">Vertical axis label.</param>
/// <param name="Series">The curves; a name repeated in another panel shares its colour and legend entry.</param>
/// <param name="LogY">Logarithmic vertical axis (losses, learning rates).</param>
public sealed record LinePanel(ChartLabel Title, ChartLabel XAxis, ChartLabel YAxis, IReadOnlyList<Series> Series, bool LogY = false);

/// <summary>Multi-series line charts: loss or accuracy against epoch, step or seconds; schedules; statistics over time.</summary>
public static class LineCharts
{
    /// <summary>
    /// One panel of named curves. One trace per series, coloured by position in the palette (or
    /// <see cref="Series.ColorIndex"/>); legend above the plot.
    /// </summary>
    /// <param name="series">The curves (at least one).</param>
    /// <param name="title">Figure title, e.g. <c>"title.lossVsEpoch"</c>.</param>
    /// <param name="xAxis">Horizontal axis label, e.g. <c>"axis.epoch"</c>.</param>
    /// <param name="yAxis">Vertical axis label, e.g. <c>"axis.loss"</c>.</param>
    /// <param name="logY">Logarithmic vertical axis.</param>
    /// <param name="logX">Logarithmic horizontal axis (learning-rate sweeps).</param>
    /// <exception cref="ArgumentException">When no series is given, or a series' x and y lengths differ (the message names it).</exception>
    public static GenericChart Lines(IReadOnlyList<Series> series, ChartLabel title, ChartLabel xAxis, ChartLabel yAxis, bool logY = false, bool logX = false)
    {
        Guard.NotEmpty(series, "The list of series", nameof(series));
        var fig = new FigureBuilder(title);
        fig.AxisTitle(0, 'x', xAxis, logX);
        fig.AxisTitle(0, 'y', yAxis, logY);
        for (var i = 0; i < series.Count; i++)
        {
            fig.Add(Traces.Line(series[i], Traces.Name(series[i], $"series {i}"), i));
        }

        return fig.Build();
    }

    /// <summary>
    /// Two to four panels side by side (e.g. loss against epochs and against seconds). A series name that appears in
    /// several panels (the same text once resolved) keeps one colour and one legend entry; clicking the entry hides it everywhere.
    /// </summary>
    /// <exception cref="ArgumentException">When no panel is given, more than four, or a series is malformed.</exception>
    public static GenericChart Panels(IReadOnlyList<LinePanel> panels, ChartLabel title)
    {
        Guard.NotEmpty(panels, "The list of panels", nameof(panels));
        var fig = new FigureBuilder(title);
        fig.Panels(panels.Count, panels.Select(p => p.Title).ToArray());
        var colors = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < panels.Count; p++)
        {
            fig.AxisTitle(p, 'x', panels[p].XAxis);
            fig.AxisTitle(p, 'y', panels[p].YAxis, panels[p].LogY);
            for (var i = 0; i < panels[p].Series.Count; i++)
            {
                // Grouped by the resolved text: two labels that read the same are one legend entry.
                var s = panels[p].Series[i];
                var name = Traces.Name(s, $"series {i} of panel {p}");
                var first = !colors.ContainsKey(name);
                if (first)
                {
                    colors[name] = s.ColorIndex ?? colors.Count;
                }

                fig.Add(Traces.Line(s with { ColorIndex = colors[name] }, name, colors[name], legendGroup: name, showLegend: first), p);
            }
        }

        return fig.Build();
    }
}
