namespace NormDecay.Optimizers;

/// <summary>
/// What a trainer needs from an optimizer: one update from the parameters' gradients per mini-batch, and the end of an
/// epoch (which advances epoch-based schedules). <see cref="Sgd"/> and <see cref="Adam"/> implement it.
/// </summary>
public interface IOptimizer
{
    /// <summary>The learning rate the next <see cref="Step"/> uses.</summary>
    double LearningRate { get; }

    /// <summary>Completed updates.</summary>
    int Iteration { get; }

    /// <summary>Completed epochs.</summary>
    int Epoch { get; }

    /// <summary>Updates every parameter in place from its gradient; returns the learning rate used.</summary>
    double Step();

    /// <summary>Marks the end of an epoch; <paramref name="metric"/> is the epoch's validation (or training) loss.</summary>
    /// <exception cref="ArgumentException">When the optimizer's schedule needs the metric and it is null.</exception>
    void EndEpoch(double? metric = null);
}
