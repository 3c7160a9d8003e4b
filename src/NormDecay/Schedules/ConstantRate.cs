using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// No decay: <c>lr(t) = lr0</c> for every step. The baseline every other schedule is compared with.
/// (PyTorch's <see cref="ConstantLR"/> is something else: a reduced rate for the first epochs.)
/// </summary>
public sealed class ConstantRate : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="rate">The rate; finite, &gt;= 0.</param>
    /// <param name="unit">What a step counts (default <see cref="StepUnit.Epoch"/>; the value does not depend on it).</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="rate"/> is negative or not finite.</exception>
    public ConstantRate(double rate, StepUnit unit = StepUnit.Epoch)
    {
        Rate = ScheduleGuard.Rate(rate);
        Unit = unit;
    }

    /// <summary>The rate.</summary>
    public double Rate { get; }

    /// <inheritdoc/>
    public StepUnit Unit { get; }

    /// <inheritdoc/>
    public string Name => $"Constant({F(Rate)})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_0";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return Rate;
    }
}
