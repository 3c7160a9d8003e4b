using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// PyTorch's CosineAnnealingLR, which is <b>periodic</b>: after reaching <c>etaMin</c> at <c>tMax</c> it rises
/// again and is back at <c>lr0</c> at <c>2 tMax</c> (period <c>2 tMax</c>). Use <see cref="ClampedCosineAnnealing"/>
/// for the Keras/d2l curve that stays at the minimum.
/// <para>Formula: <c>lr(t) = etaMin + (lr0 - etaMin) (1 + cos(pi t / tMax)) / 2</c> for every t &gt;= 0.</para>
/// <para>Convention: PyTorch <c>CosineAnnealingLR(T_max, eta_min=0)</c>, per epoch. PyTorch steps it with a
/// recursive update (a ratio of consecutive cosines plus a special case at <c>t = tMax + 1 (mod 2 tMax)</c>);
/// that recursion reproduces this closed form exactly in exact arithmetic, including past <c>tMax</c>, and to
/// about 1e-15 relative in double precision (checked against PyTorch 1.13 for 4 periods).</para>
/// </summary>
public sealed class CosineAnnealingLR : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0, the maximum; finite, &gt;= 0.</param>
    /// <param name="tMax">Half period: epochs from lr0 down to etaMin; &gt; 0.</param>
    /// <param name="etaMin">The minimum; finite, in [0, lr0] (default 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public CosineAnnealingLR(double initialRate, int tMax, double etaMin = 0.0)
    {
        InitialRate = Rate(initialRate);
        TMax = Positive(tMax);
        EtaMin = InRange(etaMin, 0, InitialRate);
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Epochs from the maximum to the minimum.</summary>
    public int TMax { get; }

    /// <summary>The minimum rate.</summary>
    public double EtaMin { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"CosineAnnealingLR(T_max={TMax}, eta_min={F(EtaMin)})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_{min} + \tfrac{1}{2}(\eta_0 - \eta_{min})\left(1 + \cos\frac{\pi t}{T_{max}}\right)";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return EtaMin + (InitialRate - EtaMin) * (1 + Math.Cos(Math.PI * step / TMax)) / 2;
    }
}
