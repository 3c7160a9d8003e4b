using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Cosine annealing that stops at the minimum: half a cosine from <c>lr0</c> to <c>etaMin</c> over <c>tMax</c>
/// steps, then <c>etaMin</c> for ever.
/// <para>Formula: <c>lr(t) = etaMin + (lr0 - etaMin) (1 + cos(pi min(t, tMax) / tMax)) / 2</c>.</para>
/// <para>Convention: Keras <c>CosineDecay</c> (which clamps the step at <c>decay_steps</c>; there
/// <c>etaMin = alpha * lr0</c>) and d2l's <c>CosineScheduler</c> (<c>final_lr</c> after <c>max_update</c>). Compare
/// <see cref="CosineAnnealingLR"/>, PyTorch's version, which rises again past tMax.</para>
/// </summary>
public sealed class ClampedCosineAnnealing : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0, the maximum; finite, &gt;= 0.</param>
    /// <param name="tMax">Steps from lr0 down to etaMin; &gt; 0.</param>
    /// <param name="etaMin">The final rate; in [0, lr0] (default 0).</param>
    /// <param name="unit">What a step counts (default <see cref="StepUnit.Epoch"/>, as d2l; Keras counts iterations).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public ClampedCosineAnnealing(double initialRate, int tMax, double etaMin = 0.0, StepUnit unit = StepUnit.Epoch)
    {
        InitialRate = Rate(initialRate);
        TMax = Positive(tMax);
        EtaMin = InRange(etaMin, 0, InitialRate);
        Unit = unit;
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Steps from the maximum to the minimum.</summary>
    public int TMax { get; }

    /// <summary>The final rate.</summary>
    public double EtaMin { get; }

    /// <inheritdoc/>
    public StepUnit Unit { get; }

    /// <inheritdoc/>
    public string Name => $"ClampedCosine(T_max={TMax}, eta_min={F(EtaMin)})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_{min} + \tfrac{1}{2}(\eta_0 - \eta_{min})\left(1 + \cos\frac{\pi \min(t, T_{max})}{T_{max}}\right)";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        int t = Math.Min(step, TMax);
        return EtaMin + (InitialRate - EtaMin) * (1 + Math.Cos(Math.PI * t / TMax)) / 2;
    }
}
