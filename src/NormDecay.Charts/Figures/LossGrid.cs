using NormDecay.Charts.Text;

namespace NormDecay.Charts.Figures;

/// <summary>
/// A loss surface sampled on a grid: <c>Z[i, j]</c> is the loss at (<c>X[j]</c>, <c>Y[i]</c>): rows follow y,
/// columns follow x, as plotly's contour expects.
/// </summary>
public sealed record LossGrid
{
    /// <summary>Creates the grid and checks its shape and values.</summary>
    /// <param name="x">Grid coordinates along the horizontal axis (increasing).</param>
    /// <param name="y">Grid coordinates along the vertical axis (increasing).</param>
    /// <param name="z">Loss values, shape (y.Length, x.Length).</param>
    /// <exception cref="ArgumentException">When the shape does not match, a coordinate list has fewer than 2 points, or a value is NaN or infinite (the message names the position).</exception>
    public LossGrid(double[] x, double[] y, double[,] z)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        if (x.Length < 2 || y.Length < 2)
        {
            throw new ArgumentException($"A loss grid needs at least 2 points per axis; got x: {x.Length}, y: {y.Length}.", nameof(x));
        }

        if (z.GetLength(0) != y.Length || z.GetLength(1) != x.Length)
        {
            throw new ArgumentException(
                $"Loss grid z has shape ({z.GetLength(0)}, {z.GetLength(1)}); expected (y.Length, x.Length) = ({y.Length}, {x.Length}).", nameof(z));
        }

        for (var i = 0; i < y.Length; i++)
        {
            for (var j = 0; j < x.Length; j++)
            {
                if (!double.IsFinite(z[i, j]))
                {
                    throw new ArgumentException($"Loss grid z[{i}, {j}] (x = {x[j]}, y = {y[i]}) is {z[i, j]}; a surface must be finite everywhere.", nameof(z));
                }
            }
        }

        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>Horizontal grid coordinates.</summary>
    public double[] X { get; }

    /// <summary>Vertical grid coordinates.</summary>
    public double[] Y { get; }

    /// <summary>Loss values, shape (Y.Length, X.Length).</summary>
    public double[,] Z { get; }

    /// <summary>Samples <paramref name="loss"/> on an evenly spaced grid of <paramref name="nx"/> by <paramref name="ny"/> points.</summary>
    /// <exception cref="ArgumentException">When a range is empty or a count is below 2, or the loss is not finite somewhere.</exception>
    public static LossGrid Sample(Func<double, double, double> loss, (double Min, double Max) xRange, (double Min, double Max) yRange, int nx = 81, int ny = 81)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentOutOfRangeException.ThrowIfLessThan(nx, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(ny, 2);
        if (!(xRange.Max > xRange.Min) || !(yRange.Max > yRange.Min))
        {
            throw new ArgumentException($"Grid ranges must have Max > Min; got x: [{xRange.Min}, {xRange.Max}], y: [{yRange.Min}, {yRange.Max}].", nameof(xRange));
        }

        var x = Linspace(xRange.Min, xRange.Max, nx);
        var y = Linspace(yRange.Min, yRange.Max, ny);
        var z = new double[ny, nx];
        for (var i = 0; i < ny; i++)
        {
            for (var j = 0; j < nx; j++)
            {
                z[i, j] = loss(x[j], y[i]);
            }
        }

        return new LossGrid(x, y, z);
    }

    private static double[] Linspace(double a, double b, int n)
    {
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = a + (b - a) * i / (n - 1);
        }

        return v;
    }
}

/// <summary>An optimizer's path over a loss surface: the parameter pair after each step, starting point first.</summary>
/// <param name="Name">Legend name, e.g. <c>"legend.decaying"</c> or <c>ChartLabel.Format("format.learningRateEq", 0.1)</c>;
/// resolved when the figure is built (see <see cref="ChartLabel"/>). Paths whose names read the same share a colour and a legend entry.</param>
/// <param name="X">First parameter at each step.</param>
/// <param name="Y">Second parameter at each step.</param>
public sealed record TrajectorySeries(ChartLabel Name, double[] X, double[] Y);

/// <summary>One panel of <see cref="ContourCharts.Panels"/>: a surface, the paths over it, and an optional minimum to mark.</summary>
/// <param name="Title">Panel title, e.g. <c>"panel.tooSmall"</c>.</param>
/// <param name="Grid">The surface.</param>
/// <param name="Trajectories">Paths drawn over it (may be empty).</param>
/// <param name="Optimum">Where the minimum is, marked with a star; null for none.</param>
public sealed record ContourPanel(ChartLabel Title, LossGrid Grid, IReadOnlyList<TrajectorySeries> Trajectories, (double X, double Y)? Optimum = null);
