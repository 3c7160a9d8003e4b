namespace NormDecay.Normalization;

/// <summary>How batch normalization keeps the running statistics it uses at test time.</summary>
public enum RunningAverage
{
    /// <summary>PyTorch's exponential moving average: r ← (1 - m) r + m x (m = 0.1 weights the NEW batch).</summary>
    PyTorch,

    /// <summary>Keras's (and CS231n's) exponential moving average: r ← m r + (1 - m) x (m = 0.99 weights the OLD value).</summary>
    Keras,

    /// <summary>Cumulative (simple) average of all batches so far: PyTorch <c>momentum=None</c>, r ← (1 - 1/t) r + (1/t) x with t = NumBatchesTracked.</summary>
    Cumulative,

    /// <summary>No running statistics: eval mode normalizes with the batch's own statistics (PyTorch <c>track_running_stats=False</c>).</summary>
    None,
}

/// <summary>
/// Settings of a <see cref="BatchNorm"/> layer. The default (<c>new BatchNormOptions()</c>) is PyTorch's <c>BatchNorm1d</c>:
/// eps 1e-5, affine, momentum 0.1 in PyTorch's sense, unbiased (N-1) running variance, running variance starting at 1.
/// The presets give the other conventions of the course (see DESIGN.md's table).
/// </summary>
/// <remarks>Normalization itself always divides by sqrt(biased batch variance + eps), in every convention.</remarks>
public readonly record struct BatchNormOptions()
{
    /// <summary>ε added to the variance before the square root; default 1e-5 (PyTorch); must be &gt; 0.</summary>
    public double Eps { get; init; } = 1e-5;

    /// <summary>Whether γ (scale) and β (shift) are learned; default true. When false, γ = 1 and β = 0 are fixed (PyTorch <c>affine=False</c>).</summary>
    public bool Affine { get; init; } = true;

    /// <summary>The running-average rule; default <see cref="RunningAverage.PyTorch"/>.</summary>
    public RunningAverage Rule { get; init; } = RunningAverage.PyTorch;

    /// <summary>Momentum m in the sense of <see cref="Rule"/>; in [0, 1]; default 0.1 (PyTorch). Ignored by Cumulative and None.</summary>
    public double Momentum { get; init; } = 0.1;

    /// <summary>Whether the running variance stores the unbiased (N-1) batch variance (PyTorch, default true) or the biased (N) one (Keras, CS231n, d2l).</summary>
    public bool UnbiasedRunningVariance { get; init; } = true;

    /// <summary>Initial running variance; default 1 (PyTorch, Keras, d2l); CS231n starts at 0. The running mean starts at 0.</summary>
    public double InitialRunningVariance { get; init; } = 1.0;

    /// <summary>PyTorch <c>nn.BatchNorm1d</c> defaults: eps 1e-5, r ← 0.9 r + 0.1 x, unbiased running variance, initial variance 1.</summary>
    public static BatchNormOptions PyTorch => new();

    /// <summary>Keras 3 <c>BatchNormalization</c> defaults: eps 1e-3, r ← 0.99 r + 0.01 x, biased running variance, initial variance 1.</summary>
    public static BatchNormOptions Keras => new() { Eps = 1e-3, Rule = RunningAverage.Keras, Momentum = 0.99, UnbiasedRunningVariance = false };

    /// <summary>PyTorch with <c>momentum=None</c>: the running statistics are the cumulative average of all batches (unbiased variance).</summary>
    public static BatchNormOptions Cumulative => new() { Rule = RunningAverage.Cumulative };

    /// <summary>PyTorch with <c>track_running_stats=False</c>: no running statistics; eval mode uses the batch statistics.</summary>
    public static BatchNormOptions NoRunningStats => new() { Rule = RunningAverage.None };

    /// <summary>Stanford CS231n assignment 2: r ← 0.9 r + 0.1 x (Keras sense, momentum 0.9), biased variance, eps 1e-5, running variance starting at 0.</summary>
    public static BatchNormOptions CS231n => new() { Rule = RunningAverage.Keras, Momentum = 0.9, UnbiasedRunningVariance = false, InitialRunningVariance = 0.0 };

    /// <summary>Dive into Deep Learning (d2l, after PR #2213): r ← 0.9 r + 0.1 x (PyTorch sense, 0.1), biased variance, eps 1e-5, initial variance 1.</summary>
    public static BatchNormOptions D2l => new() { UnbiasedRunningVariance = false };

    /// <summary>The weight w of the new batch statistic in r ← (1 - w) r + w x, after <paramref name="batchesTracked"/> batches (counting this one).</summary>
    public double NewBatchWeight(long batchesTracked) => Rule switch
    {
        RunningAverage.PyTorch => Momentum,
        RunningAverage.Keras => 1.0 - Momentum,
        RunningAverage.Cumulative => 1.0 / batchesTracked,
        _ => 0.0,
    };

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When Eps ≤ 0 or not finite, Momentum outside [0, 1], the initial variance negative, or Rule undefined.</exception>
    public void Validate()
    {
        if (!(Eps > 0) || !double.IsFinite(Eps))
        {
            throw new ArgumentOutOfRangeException(nameof(Eps), Eps, $"BatchNormOptions.Eps must be finite and > 0, got {Eps} (did you use default(BatchNormOptions)? use new BatchNormOptions() or a preset).");
        }

        if (!(Momentum >= 0 && Momentum <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, $"BatchNormOptions.Momentum must be in [0, 1], got {Momentum}.");
        }

        if (!(InitialRunningVariance >= 0) || !double.IsFinite(InitialRunningVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialRunningVariance), InitialRunningVariance, $"BatchNormOptions.InitialRunningVariance must be finite and >= 0, got {InitialRunningVariance}.");
        }

        if (!Enum.IsDefined(Rule))
        {
            throw new ArgumentOutOfRangeException(nameof(Rule), Rule, $"BatchNormOptions.Rule {Rule} is not a defined RunningAverage.");
        }
    }
}
