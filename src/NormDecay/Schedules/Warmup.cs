using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>How <see cref="Warmup"/> combines the warmup with the inner schedule.</summary>
public enum WarmupMode
{
    /// <summary>The inner schedule starts after the warmup, at its own step 0: <c>lr(t) = inner(t - w)</c> for t &gt;= w.
    /// PyTorch's idiom <c>SequentialLR([LinearLR(...), inner], milestones=[w])</c>.</summary>
    Shift,

    /// <summary>The inner schedule runs from step 0 and the warmup factor multiplies it: <c>lr(t) = inner(t) * ramp(t)</c>.
    /// PyTorch's idiom <c>ChainedScheduler([LinearLR(...), inner])</c>.</summary>
    Overlay,
}

/// <summary>
/// Linear warmup in front of any schedule: the rate ramps from <c>startFactor</c> times the target up to the target
/// over <c>warmupSteps</c> steps, then the inner schedule takes over.
/// <para>Formula: <c>ramp(t) = s + (1 - s) min(t, w) / w</c>. Shift: <c>lr(t) = ramp(t) inner(0)</c> for
/// <c>t &lt; w</c>, <c>inner(t - w)</c> after. Overlay: <c>lr(t) = ramp(t) inner(t)</c>. Both are continuous at w.</para>
/// <para>Convention: Goyal et al. 2017, "Accurate, Large Minibatch SGD" (gradual warmup); PyTorch's LinearLR as the
/// ramp. The unit is the inner schedule's. Tested against PyTorch 1.13: Shift as
/// <c>SequentialLR([LinearLR(o, start_factor=s, total_iters=w), inner], milestones=[w])</c>, Overlay as
/// <c>ChainedScheduler([LinearLR(...), inner])</c> (which multiplies only for multiplicative inner schedulers such as
/// ExponentialLR and StepLR). PyTorch's LinearLR needs <c>s &gt; 0</c>; here <c>s = 0</c> is allowed and makes step 0
/// use rate 0.</para>
/// </summary>
public sealed class Warmup : ISchedule
{
    /// <summary>Creates the warmup.</summary>
    /// <param name="inner">The schedule after (or under) the warmup.</param>
    /// <param name="warmupSteps">Steps of the ramp; &gt; 0.</param>
    /// <param name="startFactor">Fraction of the target at step 0; in [0, 1] (default 0: step 0 uses rate 0).</param>
    /// <param name="mode">Shift (default) or overlay.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="inner"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public Warmup(ISchedule inner, int warmupSteps, double startFactor = 0.0, WarmupMode mode = WarmupMode.Shift)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        WarmupSteps = Positive(warmupSteps);
        StartFactor = InRange(startFactor, 0, 1);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be Shift or Overlay, got {mode}.");
        }

        Mode = mode;
    }

    /// <summary>The wrapped schedule.</summary>
    public ISchedule Inner { get; }

    /// <summary>Steps of the ramp.</summary>
    public int WarmupSteps { get; }

    /// <summary>Fraction of the target at step 0.</summary>
    public double StartFactor { get; }

    /// <summary>Shift or overlay.</summary>
    public WarmupMode Mode { get; }

    /// <inheritdoc/>
    public StepUnit Unit => Inner.Unit;

    /// <inheritdoc/>
    public string Name => $"Warmup({WarmupSteps}, {Mode.ToString().ToLowerInvariant()}) + {Inner.Name}";

    /// <inheritdoc/>
    public string Formula => Mode == WarmupMode.Shift
        ? @"\eta_t = \begin{cases} \left(s + (1 - s)\tfrac{t}{w}\right)\eta^{inner}_0 & t < w \\ \eta^{inner}_{t - w} & t \ge w \end{cases}"
        : @"\eta_t = \left(s + (1 - s)\tfrac{\min(t, w)}{w}\right)\eta^{inner}_t";

    /// <summary>The warmup multiplier <c>s + (1 - s) min(t, w) / w</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is negative.</exception>
    public double Ramp(int step)
    {
        Step(step);
        return StartFactor + (1 - StartFactor) * Math.Min(step, WarmupSteps) / WarmupSteps;
    }

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        double ramp = Ramp(step);
        if (Mode == WarmupMode.Overlay)
        {
            return ramp * Inner.LearningRate(step);
        }

        return step < WarmupSteps ? ramp * Inner.LearningRate(0) : Inner.LearningRate(step - WarmupSteps);
    }
}
