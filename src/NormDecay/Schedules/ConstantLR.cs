using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// PyTorch's ConstantLR: a reduced rate <c>factor * lr0</c> for the first <c>totalIters</c> epochs, then <c>lr0</c>
/// (a crude warmup). Not to be confused with <see cref="ConstantRate"/>, which never changes.
/// <para>Formula: <c>lr(t) = lr0 * factor</c> for <c>t &lt; totalIters</c>, else <c>lr0</c>.</para>
/// <para>Convention: PyTorch <c>ConstantLR(factor=1/3, total_iters=5)</c>, per epoch.</para>
/// </summary>
public sealed class ConstantLR : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="factor">Multiplier before the milestone; in [0, 1] (PyTorch default 1/3).</param>
    /// <param name="totalIters">Epochs at the reduced rate; &gt; 0 (PyTorch default 5; PyTorch's recursive form never
    /// restores lr0 when it is 0, so 0 is rejected here).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public ConstantLR(double initialRate, double factor = 1.0 / 3, int totalIters = 5)
    {
        InitialRate = Rate(initialRate);
        Factor = InRange(factor, 0, 1);
        TotalIters = Positive(totalIters);
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Multiplier before <see cref="TotalIters"/>.</summary>
    public double Factor { get; }

    /// <summary>First epoch at the full rate.</summary>
    public int TotalIters { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"ConstantLR(factor={F(Factor)}, total_iters={TotalIters})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \begin{cases} f\,\eta_0 & t < T \\ \eta_0 & t \ge T \end{cases}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return step < TotalIters ? InitialRate * Factor : InitialRate;
    }
}
