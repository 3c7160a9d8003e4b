using NormDecay.Schedules;

namespace NormDecay.Training;

/// <summary>Settings of a <see cref="LearningRateRangeTest"/>; <c>new RangeTestOptions()</c> gives the defaults listed.</summary>
public readonly record struct RangeTestOptions()
{
    /// <summary>η at the first step; default 1e-4; finite, &gt; 0.</summary>
    public double MinRate { get; init; } = 1e-4;

    /// <summary>η at the last step; default 10; &gt; <see cref="MinRate"/>.</summary>
    public double MaxRate { get; init; } = 10;

    /// <summary>Examples per mini-batch; default 32; ≥ 2.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Steps of the sweep; 0 (default) = one pass over the training set (its number of batches).</summary>
    public int Steps { get; init; }

    /// <summary>Seed of the batch order; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>β of the smoothed loss s_t = β s_{t-1} + (1 - β) L_t, bias-corrected by 1 - β^(t+1); in [0, 1); default 0.98 (fast.ai).</summary>
    public double Smoothing { get; init; } = 0.98;

    /// <summary>Stop when the smoothed loss exceeds this many times its minimum so far; &gt; 1; default 4 (fast.ai).</summary>
    public double DivergenceFactor { get; init; } = 4;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the offending property.</exception>
    public void Validate()
    {
        _ = new ExponentialSweep(MinRate, MaxRate, Math.Max(2, Steps));
        if (BatchSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"RangeTestOptions.BatchSize must be >= 2, got {BatchSize}.");
        }

        if (Steps < 0 || Steps == 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Steps), Steps, $"RangeTestOptions.Steps must be 0 (one pass) or >= 2, got {Steps}.");
        }

        if (!(Smoothing >= 0 && Smoothing < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Smoothing), Smoothing, $"RangeTestOptions.Smoothing must be in [0, 1), got {Smoothing}.");
        }

        if (!(DivergenceFactor > 1) || !double.IsFinite(DivergenceFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(DivergenceFactor), DivergenceFactor, $"RangeTestOptions.DivergenceFactor must be finite and > 1, got {DivergenceFactor}.");
        }
    }
}
