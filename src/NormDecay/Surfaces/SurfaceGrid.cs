namespace NormDecay.Surfaces;

/// <summary>
/// A surface sampled on a regular grid, ready for a contour or surface plot: <c>Z[j, i] = f(Xs[i], Ys[j])</c>
/// (row j is the y index, as Plotly's <c>z</c> expects).
/// </summary>
/// <param name="Xs">Grid x coordinates, increasing.</param>
/// <param name="Ys">Grid y coordinates, increasing.</param>
/// <param name="Z">Values, shape (Ys.Length, Xs.Length).</param>
public sealed record SurfaceGrid(double[] Xs, double[] Ys, double[,] Z)
{
    /// <summary>
    /// Samples <paramref name="surface"/> on <paramref name="nx"/> x <paramref name="ny"/> evenly spaced points covering
    /// <paramref name="window"/> (default: the surface's <see cref="ISurface.Window"/>), edges included.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When nx or ny is below 2 or the window is empty.</exception>
    public static SurfaceGrid Sample(ISurface surface, int nx = 101, int ny = 101, PlotWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentOutOfRangeException.ThrowIfLessThan(nx, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(ny, 2);
        PlotWindow w = window ?? surface.Window;
        if (!(w.XMax > w.XMin) || !(w.YMax > w.YMin))
        {
            throw new ArgumentOutOfRangeException(nameof(window), $"The window {w} is empty; it needs XMax > XMin and YMax > YMin.");
        }

        double[] xs = Linspace(w.XMin, w.XMax, nx);
        double[] ys = Linspace(w.YMin, w.YMax, ny);
        var z = new double[ny, nx];
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                z[j, i] = surface.Value(xs[i], ys[j]);
            }
        }

        return new SurfaceGrid(xs, ys, z);
    }

    /// <summary><see cref="Z"/> as rows (one array per y), the shape Plotly.NET's contour and surface charts take.</summary>
    public double[][] ZRows()
    {
        int ny = Z.GetLength(0), nx = Z.GetLength(1);
        var rows = new double[ny][];
        for (int j = 0; j < ny; j++)
        {
            rows[j] = new double[nx];
            for (int i = 0; i < nx; i++)
            {
                rows[j][i] = Z[j, i];
            }
        }

        return rows;
    }

    /// <summary>Smallest and largest value on the grid.</summary>
    public (double Min, double Max) Range()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in Z)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return (min, max);
    }

    private static double[] Linspace(double from, double to, int n)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = from + (to - from) * i / (n - 1);
        }

        v[n - 1] = to;
        return v;
    }
}
