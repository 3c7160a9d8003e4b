namespace NormDecay.Surfaces;

/// <summary>
/// A loss surface over two parameters (x, y): what gradient descent walks on in the lesson figures.
/// </summary>
public interface ISurface
{
    /// <summary>A short name for legends and titles.</summary>
    string Name { get; }

    /// <summary>The loss f(x, y).</summary>
    double Value(double x, double y);

    /// <summary>The gradient (df/dx, df/dy).</summary>
    (double Dx, double Dy) Gradient(double x, double y);

    /// <summary>The Hessian (second derivatives) at (x, y).</summary>
    Hessian2 Hessian(double x, double y);

    /// <summary>Where the minimum is.</summary>
    (double X, double Y) Minimum { get; }

    /// <summary>f at <see cref="Minimum"/>.</summary>
    double MinimumValue { get; }

    /// <summary>A window that shows the minimum, <see cref="SuggestedStart"/> and the shape of the contours.</summary>
    PlotWindow Window { get; }

    /// <summary>A start point inside <see cref="Window"/> that makes an instructive trajectory.</summary>
    (double X, double Y) SuggestedStart { get; }
}

/// <summary>
/// A surface that is an average of per-example losses, so a mini-batch gives a noisy (stochastic) gradient.
/// </summary>
public interface IStochasticSurface : ISurface
{
    /// <summary>Number of examples the loss averages over.</summary>
    int ExampleCount { get; }

    /// <summary>The gradient of the mean loss over the examples <paramref name="batch"/> only.</summary>
    /// <exception cref="ArgumentException">When the batch is empty or an index is out of range.</exception>
    (double Dx, double Dy) Gradient(double x, double y, ReadOnlySpan<int> batch);
}
