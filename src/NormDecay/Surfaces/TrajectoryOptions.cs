namespace NormDecay.Surfaces;

/// <summary>Options of <see cref="GradientDescent.Run"/>; the defaults give plain full-batch gradient descent.</summary>
public sealed record TrajectoryOptions
{
    /// <summary>
    /// Heavy-ball momentum mu in [0, 1), PyTorch's SGD form: <c>v = mu v + g; w = w - eta v</c> (default 0: none).
    /// </summary>
    public double Momentum { get; init; }

    /// <summary>
    /// Standard deviation sigma of Gaussian noise added to each gradient component, <c>g + sigma z</c> with z ~ N(0, 1)
    /// drawn from <see cref="Random"/> (default 0: none). Models mini-batch noise on a surface without examples.
    /// </summary>
    public double GradientNoise { get; init; }

    /// <summary>
    /// Mini-batch size for an <see cref="IStochasticSurface"/>: each step uses the gradient of the next batch of a
    /// seeded shuffle (<see cref="Data.MiniBatches"/>, reshuffled each epoch). 0 (default): full-batch gradients.
    /// </summary>
    public int BatchSize { get; init; }

    /// <summary>The seeded source for <see cref="GradientNoise"/> and <see cref="BatchSize"/>; required when either is used.</summary>
    public Random? Random { get; init; }

    /// <summary>
    /// The run stops and is flagged <see cref="Trajectory.Diverged"/> when the loss is not finite or its gap to the
    /// minimum exceeds <c>DivergenceFactor</c> times the gap at the start (default 1e6).
    /// </summary>
    public double DivergenceFactor { get; init; } = 1e6;
}
