using NormDecay.Charts.Internal;
using NormDecay.Charts.Style;
using NormDecay.Charts.Text;
using Plotly.NET;

namespace NormDecay.Charts.Figures;

/// <summary>Contour plots of 2-D loss surfaces with optimizer trajectories overlaid, in one to three panels or with a slider.</summary>
public static class ContourCharts
{
    /// <summary>
    /// One surface with its paths. Traces: the contour, then per trajectory a path (lines and markers) and a start
    /// marker, then the optimum star if given.
    /// </summary>
    /// <param name="grid">The surface.</param>
    /// <param name="trajectories">Paths to draw (may be empty).</param>
    /// <param name="title">Figure title, e.g. <c>"title.lossContours"</c>.</param>
    /// <param name="optimum">Where the minimum is; null for no marker.</param>
    /// <param name="logLevels">Contour levels evenly spaced in log10(loss - min + d), d = 0.001 (max - min): shows the floor of a valley as well as its walls.</param>
    /// <param name="xAxis">Horizontal axis label; default <c>"axis.w1"</c>.</param>
    /// <param name="yAxis">Vertical axis label; default <c>"axis.w2"</c>.</param>
    public static GenericChart Surface(
        LossGrid grid, IReadOnlyList<TrajectorySeries> trajectories, ChartLabel title, (double X, double Y)? optimum = null,
        bool logLevels = false, ChartLabel? xAxis = null, ChartLabel? yAxis = null) =>
        Panels([new ContourPanel(ChartLabel.None, grid, trajectories, optimum)], title, logLevels, xAxis, yAxis);

    /// <summary>
    /// One to three surfaces side by side (elongated vs round; too small / too large / decaying). Each panel has equal
    /// axis scales, so a round bowl looks round. A trajectory name repeated across panels (the same text once resolved)
    /// keeps its colour and legend entry.
    /// </summary>
    /// <exception cref="ArgumentException">When no panel is given or a trajectory's lengths differ.</exception>
    public static GenericChart Panels(
        IReadOnlyList<ContourPanel> panels, ChartLabel title, bool logLevels = false, ChartLabel? xAxis = null, ChartLabel? yAxis = null)
    {
        Guard.NotEmpty(panels, "The list of contour panels", nameof(panels));
        var fig = new FigureBuilder(title);
        fig.Panels(panels.Count, panels.All(p => p.Title.Resolve().Length == 0) ? null : panels.Select(p => p.Title).ToArray());
        var colors = new Dictionary<string, int>(StringComparer.Ordinal);
        var optimumShown = false;
        for (var p = 0; p < panels.Count; p++)
        {
            Axes(fig, p, xAxis, yAxis, panels[p].Grid);
            fig.Add(Contour(panels[p].Grid, logLevels, showScale: p == panels.Count - 1, panels.Count), p);
            for (var i = 0; i < panels[p].Trajectories.Count; i++)
            {
                var t = panels[p].Trajectories[i];
                var name = PathName(t, $"trajectory {i} of panel {p}");
                var first = colors.TryAdd(name, colors.Count);
                foreach (var trace in Path(t, name, colors[name], first))
                {
                    fig.Add(trace, p);
                }
            }

            if (panels[p].Optimum is { } opt)
            {
                fig.Add(Optimum(opt, !optimumShown), p);
                optimumShown = true;
            }
        }

        return fig.Build();
    }

    /// <summary>
    /// The article's three-panel figure: the same surface with a too-small, a too-large and a decaying learning rate.
    /// Panel titles come from <c>panel.tooSmall</c>, <c>panel.tooLarge</c>, <c>panel.decaying</c>.
    /// </summary>
    public static GenericChart DecayPanels(
        LossGrid grid, TrajectorySeries tooSmall, TrajectorySeries tooLarge, TrajectorySeries decaying, (double X, double Y)? optimum = null, bool logLevels = false) =>
        Panels(
            [
                new ContourPanel("panel.tooSmall", grid, [tooSmall], optimum),
                new ContourPanel("panel.tooLarge", grid, [tooLarge], optimum),
                new ContourPanel("panel.decaying", grid, [decaying], optimum),
            ],
            "title.decayPanels",
            logLevels);

    /// <summary>
    /// One surface with a slider over runs (e.g. one learning rate per position): the contour and optimum stay, each
    /// position shows its own trajectories.
    /// </summary>
    /// <param name="grid">The surface.</param>
    /// <param name="runs">Per slider position: its label (the learning rate, say: <c>ChartLabel.Number(0.1)</c>; see
    /// <see cref="ChartLabel"/>) and the paths shown there.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="sliderPrefix">Text before the current value, e.g. <c>"slider.learningRate"</c>.</param>
    /// <param name="optimum">Where the minimum is; null for no marker.</param>
    /// <param name="logLevels">See <see cref="Surface"/>.</param>
    /// <param name="active">Position shown first.</param>
    public static GenericChart Slider(
        LossGrid grid, IReadOnlyList<(ChartLabel Label, IReadOnlyList<TrajectorySeries> Paths)> runs, ChartLabel title, ChartLabel sliderPrefix,
        (double X, double Y)? optimum = null, bool logLevels = false, int active = 0)
    {
        Guard.NotEmpty(runs, "The list of slider runs", nameof(runs));
        var fig = new FigureBuilder(title);
        Axes(fig, 0, null, null, grid);
        fig.Add(Contour(grid, logLevels, showScale: true, 1));
        var owner = new List<int> { -1 };
        if (optimum is { } opt)
        {
            fig.Add(Optimum(opt, true));
            owner.Add(-1);
        }

        for (var r = 0; r < runs.Count; r++)
        {
            for (var i = 0; i < runs[r].Paths.Count; i++)
            {
                var path = runs[r].Paths[i];
                foreach (var trace in Path(path, PathName(path, $"trajectory {i} of slider position {r} ('{runs[r].Label}')"), i, true))
                {
                    fig.Add(trace);
                    owner.Add(r);
                }
            }
        }

        var visible = Enumerable.Range(0, runs.Count).Select(r => owner.Select(o => o == -1 || o == r).ToArray()).ToArray();
        fig.Slider(sliderPrefix, runs.Select(r => r.Label).ToArray(), visible, active);
        return fig.Build();
    }

    private static void Axes(FigureBuilder fig, int p, ChartLabel? xAxis, ChartLabel? yAxis, LossGrid grid)
    {
        fig.AxisTitle(p, 'x', xAxis ?? "axis.w1");
        fig.AxisTitle(p, 'y', yAxis ?? "axis.w2");
        var x = fig.Axis(p, 'x');
        var y = fig.Axis(p, 'y');
        x["range"] = new[] { grid.X[0], grid.X[^1] };
        y["range"] = new[] { grid.Y[0], grid.Y[^1] };
        x["showgrid"] = false;
        y["showgrid"] = false;
        x["zeroline"] = false;
        y["zeroline"] = false;
        y["scaleanchor"] = FigureBuilder.AxisId(p, 'x');
        y["scaleratio"] = 1;
        y["constrain"] = "domain";
        x["constrain"] = "domain";
    }

    private static JsonObj Contour(LossGrid grid, bool logLevels, bool showScale, int panelCount)
    {
        var ny = grid.Y.Length;
        var nx = grid.X.Length;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in grid.Z)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        var delta = Math.Max(1e-3 * (max - min), 1e-12);
        var z = new double?[ny][];
        for (var i = 0; i < ny; i++)
        {
            var row = new double[nx];
            for (var j = 0; j < nx; j++)
            {
                row[j] = logLevels ? Math.Log10(grid.Z[i, j] - min + delta) : grid.Z[i, j];
            }

            z[i] = FigureBuilder.Values(row);
        }

        return new JsonObj
        {
            ["type"] = "contour",
            ["x"] = FigureBuilder.Values(grid.X),
            ["y"] = FigureBuilder.Values(grid.Y),
            ["z"] = z,
            ["colorscale"] = ChartStyle.ColorScale,
            ["reversescale"] = true,
            ["ncontours"] = 24,
            ["opacity"] = 0.85,
            ["line"] = new JsonObj { ["width"] = 0.5, ["color"] = "rgba(255,255,255,0.6)" },
            ["showscale"] = showScale,
            ["showlegend"] = false,
            ["hoverinfo"] = "skip",
            ["colorbar"] = ColorBars.Right(ChartText.Get(logLevels ? "colorbar.logLoss" : "colorbar.loss"), panelCount > 1 ? 0.8 : 0.9),
        };
    }

    private static string PathName(TrajectorySeries t, string element)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.Name.Resolve($"The name of {element}");
    }

    private static IEnumerable<JsonObj> Path(TrajectorySeries t, string name, int colorIndex, bool showLegend)
    {
        Guard.SameLength(t.X.Length, t.Y.Length, $"Trajectory '{name}'", nameof(t));
        var color = TrajectoryColors[colorIndex % TrajectoryColors.Length];
        yield return new JsonObj
        {
            ["type"] = "scatter",
            ["mode"] = "lines+markers",
            ["name"] = name,
            ["legendgroup"] = name,
            ["showlegend"] = showLegend,
            ["x"] = FigureBuilder.Values(t.X),
            ["y"] = FigureBuilder.Values(t.Y),
            ["line"] = new JsonObj { ["color"] = color, ["width"] = 2.5 },
            ["marker"] = new JsonObj { ["color"] = color, ["size"] = 6, ["line"] = new JsonObj { ["color"] = "#FFFFFF", ["width"] = 1 } },
        };
        if (t.X.Length > 0)
        {
            yield return new JsonObj
            {
                ["type"] = "scatter",
                ["mode"] = "markers",
                ["name"] = ChartText.Get("legend.start"),
                ["legendgroup"] = name,
                ["showlegend"] = false,
                ["x"] = FigureBuilder.Values(t.X.AsSpan(0, 1)),
                ["y"] = FigureBuilder.Values(t.Y.AsSpan(0, 1)),
                ["marker"] = new JsonObj { ["color"] = color, ["size"] = 13, ["symbol"] = "circle-open", ["line"] = new JsonObj { ["width"] = 3 } },
            };
        }
    }

    private static JsonObj Optimum((double X, double Y) opt, bool showLegend) => new()
    {
        ["type"] = "scatter",
        ["mode"] = "markers",
        ["name"] = ChartText.Get("legend.optimum"),
        ["legendgroup"] = "optimum",
        ["showlegend"] = showLegend,
        ["x"] = new[] { FigureBuilder.Round(opt.X) },
        ["y"] = new[] { FigureBuilder.Round(opt.Y) },
        ["marker"] = new JsonObj { ["color"] = "#FFFFFF", ["size"] = 16, ["symbol"] = "star", ["line"] = new JsonObj { ["color"] = "#000000", ["width"] = 1.5 } },
    };

    // Colours that stand out on the reversed Viridis surface and on the white legend.
    private static readonly string[] TrajectoryColors = ["#D55E00", "#000000", "#E7298A", "#8C0000"];
}
