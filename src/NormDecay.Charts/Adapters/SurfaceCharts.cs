using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;
using NormDecay.Surfaces;
using Plotly.NET;

namespace NormDecay.Charts.Adapters;

/// <summary>2-D loss surfaces (<see cref="ISurface"/>) and optimizer runs over them (<see cref="Trajectory"/>) as contour figures.</summary>
public static class SurfaceCharts
{
    /// <summary>The surface sampled over its <see cref="ISurface.Window"/> (or <paramref name="window"/>) as a <see cref="LossGrid"/>.</summary>
    /// <exception cref="ArgumentException">When the surface is not finite somewhere in the window (the message names the point).</exception>
    public static LossGrid Grid(ISurface surface, int resolution = 101, PlotWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var grid = SurfaceGrid.Sample(surface, resolution, resolution, window);
        return new LossGrid(grid.Xs, grid.Ys, grid.Z);
    }

    /// <summary>
    /// A run as a path to draw. The legend name is <paramref name="name"/> (a key such as <c>"legend.decaying"</c>, see
    /// <see cref="ChartLabel"/>), else the run's <see cref="Trajectory.Label"/> as literal text (data the run carries,
    /// such as <c>"lr = 0.1"</c>, shown as is).
    /// </summary>
    public static TrajectorySeries Path(Trajectory run, ChartLabel? name = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new TrajectorySeries(name ?? ChartLabel.Text(run.Label), run.Xs, run.Ys);
    }

    /// <summary>
    /// The surface's contours with the runs drawn over it, each named by its <see cref="Trajectory.Label"/> (literal text),
    /// and its minimum marked. Title: <c>title.lossContours</c> unless given.
    /// </summary>
    public static GenericChart Contour(ISurface surface, IEnumerable<Trajectory> runs, ChartLabel? title = null, bool logLevels = false, int resolution = 101)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return Contour(surface, runs.Select(r => Path(r)), title, logLevels, resolution);
    }

    /// <summary>
    /// The surface's contours with named paths drawn over it and its minimum marked, e.g.
    /// <c>SurfaceCharts.Contour(surface, [SurfaceCharts.Path(constant, "legend.constantRate"), SurfaceCharts.Path(decayed, "legend.decaying")])</c>.
    /// Title: <c>title.lossContours</c> unless given.
    /// </summary>
    public static GenericChart Contour(ISurface surface, IEnumerable<TrajectorySeries> paths, ChartLabel? title = null, bool logLevels = false, int resolution = 101)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(paths);
        return ContourCharts.Surface(Grid(surface, resolution), paths.ToArray(), title ?? "title.lossContours", surface.Minimum, logLevels);
    }

    /// <summary>
    /// Surfaces side by side, each with named paths (<see cref="Path"/> with a key, e.g. one learning rate each:
    /// <c>SurfaceCharts.Path(run, ChartLabel.Format("format.learningRateEq", ChartLabel.Number(rate, "G3")))</c>).
    /// </summary>
    public static GenericChart Panels(
        IReadOnlyList<(ChartLabel Title, ISurface Surface, IReadOnlyList<TrajectorySeries> Paths)> panels, ChartLabel? title = null, bool logLevels = false, int resolution = 81)
    {
        ArgumentNullException.ThrowIfNull(panels);
        return ContourCharts.Panels(
            panels.Select(p => new ContourPanel(p.Title, Grid(p.Surface, resolution), p.Paths, p.Surface.Minimum)).ToArray(),
            title ?? "title.lossContours",
            logLevels);
    }

    /// <summary>
    /// Surfaces side by side, each with its runs named by their labels (lesson 1: elongated contours before input normalization, round ones after;
    /// the same learning rate on both).
    /// </summary>
    public static GenericChart Panels(
        IReadOnlyList<(ChartLabel Title, ISurface Surface, IReadOnlyList<Trajectory> Runs)> panels, ChartLabel? title = null, bool logLevels = false, int resolution = 81)
    {
        ArgumentNullException.ThrowIfNull(panels);
        return Panels(
            panels.Select(p => (p.Title, p.Surface, (IReadOnlyList<TrajectorySeries>)[.. p.Runs.Select(r => Path(r))])).ToArray(), title, logLevels, resolution);
    }

    /// <summary>Lesson 7's figure: one surface, a too-small, a too-large and a decaying learning rate in three panels.</summary>
    public static GenericChart DecayPanels(ISurface surface, Trajectory tooSmall, Trajectory tooLarge, Trajectory decaying, bool logLevels = false, int resolution = 81)
    {
        ArgumentNullException.ThrowIfNull(surface);
        return ContourCharts.DecayPanels(
            Grid(surface, resolution),
            Path(tooSmall, "legend.tooSmall"),
            Path(tooLarge, "legend.tooLarge"),
            Path(decaying, "legend.decaying"),
            surface.Minimum,
            logLevels);
    }

    /// <summary>
    /// One surface with a slider over runs (one position per run, labelled with <see cref="Trajectory.Label"/>), e.g.
    /// one learning rate per position. Slider prefix: <c>slider.learningRate</c> unless given.
    /// </summary>
    public static GenericChart Slider(ISurface surface, IReadOnlyList<Trajectory> runs, ChartLabel? sliderPrefix = null, ChartLabel? title = null, bool logLevels = false, int resolution = 101)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(runs);
        return ContourCharts.Slider(
            Grid(surface, resolution),
            runs.Select(r => (ChartLabel.Text(r.Label), (IReadOnlyList<TrajectorySeries>)[Path(r)])).ToArray(),
            title ?? "title.lossContours",
            sliderPrefix ?? "slider.learningRate",
            surface.Minimum,
            logLevels);
    }
}
