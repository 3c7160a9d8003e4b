using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Keras's cosine decay with optional linear warmup, counted in iterations; it stays at the end value after the decay.
/// <para>Without warmup: <c>lr(t) = lr0 ((1 - alpha) (1 + cos(pi min(t, D) / D)) / 2 + alpha)</c>.
/// With <c>warmupTarget</c> and <c>W = warmupSteps</c>: for <c>t &lt; W</c>,
/// <c>lr(t) = lr0 + (target - lr0) t / W</c>; afterwards the cosine runs from <c>target</c> down to
/// <c>alpha * target</c> over <c>D</c> steps (the step is clamped at <c>W + D</c>).</para>
/// <para>Convention: <c>keras.optimizers.schedules.CosineDecay(initial_learning_rate, decay_steps, alpha=0.0,
/// warmup_target=None, warmup_steps=0)</c>.</para>
/// </summary>
public sealed class CosineDecay : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0: the start of the warmup, or of the decay if there is no warmup; finite, &gt;= 0.</param>
    /// <param name="decaySteps">Iterations of the cosine; &gt; 0.</param>
    /// <param name="alpha">Final rate as a fraction of the decay's start; in [0, 1] (default 0).</param>
    /// <param name="warmupTarget">Rate reached at the end of the warmup; null for no warmup (default).</param>
    /// <param name="warmupSteps">Iterations of warmup; &gt;= 0 (default 0); must be positive when a target is given.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public CosineDecay(double initialRate, int decaySteps, double alpha = 0.0, double? warmupTarget = null, int warmupSteps = 0)
    {
        InitialRate = Rate(initialRate);
        DecaySteps = Positive(decaySteps);
        Alpha = InRange(alpha, 0, 1);
        WarmupSteps = NonNegative(warmupSteps);
        if (warmupTarget is double target)
        {
            WarmupTarget = Rate(target, nameof(warmupTarget));
            if (warmupSteps == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, "warmupSteps must be positive when warmupTarget is given, got 0.");
            }
        }
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Iterations of the cosine.</summary>
    public int DecaySteps { get; }

    /// <summary>Final fraction.</summary>
    public double Alpha { get; }

    /// <summary>Rate at the end of the warmup, or null.</summary>
    public double? WarmupTarget { get; }

    /// <summary>Iterations of warmup.</summary>
    public int WarmupSteps { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Iteration;

    /// <inheritdoc/>
    public string Name => WarmupTarget is double target
        ? $"CosineDecay(decay_steps={DecaySteps}, alpha={F(Alpha)}, warmup={WarmupSteps} to {F(target)})"
        : $"CosineDecay(decay_steps={DecaySteps}, alpha={F(Alpha)})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_{peak}\left((1 - \alpha)\tfrac{1}{2}\left(1 + \cos\frac{\pi \min(t - W, D)}{D}\right) + \alpha\right)";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        double t = step;
        if (WarmupTarget is not double target)
        {
            return Decay(Math.Min(t, DecaySteps), InitialRate);
        }

        t = Math.Min(t, (double)DecaySteps + WarmupSteps);
        return t < WarmupSteps
            ? (target - InitialRate) * (t / WarmupSteps) + InitialRate
            : Decay(t - WarmupSteps, target);
    }

    private double Decay(double t, double from)
    {
        double completed = t / DecaySteps;
        double cosine = 0.5 * (1.0 + Math.Cos(Math.PI * completed));
        return from * ((1 - Alpha) * cosine + Alpha);
    }
}
