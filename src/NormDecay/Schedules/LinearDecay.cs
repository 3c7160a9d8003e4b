using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Linear decay: a straight line from <c>lr0</c> to <c>endRate</c> over <c>totalSteps</c>, then <c>endRate</c>.
/// <para>Formula: <c>lr(t) = lr0 + (end - lr0) min(t, T) / T</c>.</para>
/// <para>Convention: the article's "linear decay"; equal to Keras's PolynomialDecay with power 1 and to PyTorch's
/// LinearLR with <c>start_factor = 1</c>, <c>end_factor = end / lr0</c>.</para>
/// </summary>
public sealed class LinearDecay : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="endRate">Final rate; in [0, lr0].</param>
    /// <param name="totalSteps">Steps of the decay; &gt; 0.</param>
    /// <param name="unit">What a step counts (default <see cref="StepUnit.Epoch"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public LinearDecay(double initialRate, double endRate, int totalSteps, StepUnit unit = StepUnit.Epoch)
    {
        InitialRate = Rate(initialRate);
        EndRate = InRange(endRate, 0, InitialRate);
        TotalSteps = Positive(totalSteps);
        Unit = unit;
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Final rate.</summary>
    public double EndRate { get; }

    /// <summary>Steps of the decay.</summary>
    public int TotalSteps { get; }

    /// <inheritdoc/>
    public StepUnit Unit { get; }

    /// <inheritdoc/>
    public string Name => $"Linear({F(InitialRate)} to {F(EndRate)} in {TotalSteps})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_0 + (\eta_{end} - \eta_0)\frac{\min(t, T)}{T}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return InitialRate + (EndRate - InitialRate) * Math.Min(step, TotalSteps) / TotalSteps;
    }
}
