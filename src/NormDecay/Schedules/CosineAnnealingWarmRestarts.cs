using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// SGDR (Loshchilov and Hutter 2017): cosine annealing from <c>lr0</c> towards <c>etaMin</c> that restarts at
/// <c>lr0</c>; the i-th run lasts <c>T_i = T0 * tMult^i</c> epochs.
/// <para>Formula: <c>lr(t) = etaMin + (lr0 - etaMin)(1 + cos(pi T_cur / T_i)) / 2</c>, where <c>T_cur</c> is the
/// number of epochs since the last restart. The restarts happen at <c>T0 (tMult^n - 1) / (tMult - 1)</c>
/// (at <c>n T0</c> when tMult = 1); the minimum itself is never reached (the last epoch of a run has
/// <c>T_cur = T_i - 1</c>).</para>
/// <para>Convention: PyTorch <c>CosineAnnealingWarmRestarts(T_0, T_mult=1, eta_min=0)</c> stepped with
/// <c>step()</c> once per epoch (integer epochs; the restart index is found with integers, not logarithms).</para>
/// </summary>
public sealed class CosineAnnealingWarmRestarts : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0, the rate after every restart; finite, &gt;= 0.</param>
    /// <param name="t0">Length of the first run; &gt; 0.</param>
    /// <param name="tMult">Growth factor of the run length; integer &gt;= 1 (default 1, equal runs).</param>
    /// <param name="etaMin">Lower bound of the cosine; in [0, lr0] (default 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public CosineAnnealingWarmRestarts(double initialRate, int t0, int tMult = 1, double etaMin = 0.0)
    {
        InitialRate = Rate(initialRate);
        T0 = Positive(t0);
        if (tMult < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tMult), tMult, $"tMult must be an integer >= 1, got {tMult}.");
        }

        TMult = tMult;
        EtaMin = InRange(etaMin, 0, InitialRate);
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Length of the first run.</summary>
    public int T0 { get; }

    /// <summary>Growth factor of the run length.</summary>
    public int TMult { get; }

    /// <summary>Lower bound of the cosine.</summary>
    public double EtaMin { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"CosineAnnealingWarmRestarts(T_0={T0}, T_mult={TMult}, eta_min={F(EtaMin)})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_{min} + \tfrac{1}{2}(\eta_0 - \eta_{min})\left(1 + \cos\frac{\pi T_{cur}}{T_i}\right),\; T_i = T_0 T_{mult}^{i}";

    /// <summary>The run that contains <paramref name="step"/>: epochs since its restart and its length.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is negative.</exception>
    public (long TCur, long TI) Position(int step)
    {
        Step(step);
        if (TMult == 1)
        {
            return (step % T0, T0);
        }

        long start = 0, length = T0;
        while (step >= start + length)
        {
            start += length;
            length *= TMult;
        }

        return (step - start, length);
    }

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        var (tCur, tI) = Position(step);
        return EtaMin + (InitialRate - EtaMin) * (1 + Math.Cos(Math.PI * tCur / tI)) / 2;
    }
}
