using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// A rate given by any function of the epoch: <c>lr(t) = lr0 * factor(t)</c>.
/// <para>Convention: PyTorch <c>LambdaLR(lr_lambda)</c>, per epoch. The factor is called with t = 0, 1, 2, ... and
/// must return a finite, non-negative number; it should be pure (same t, same value) for the schedule to be.</para>
/// </summary>
public sealed class LambdaLR : ISchedule
{
    private readonly Func<int, double> factor;
    private readonly string? label;

    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="factor">The multiplier as a function of the epoch.</param>
    /// <param name="label">Text for the legend, e.g. <c>"0.95^t"</c> (default <c>"lambda"</c>).</param>
    /// <exception cref="ArgumentNullException">When <paramref name="factor"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="initialRate"/> is negative or not finite.</exception>
    public LambdaLR(double initialRate, Func<int, double> factor, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(factor);
        InitialRate = Rate(initialRate);
        this.factor = factor;
        this.label = label;
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"LambdaLR({label ?? "lambda"})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_0 \, \lambda(t)";

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">When the factor returns NaN, an infinity or a negative number (the message names the step).</exception>
    public double LearningRate(int step)
    {
        Step(step);
        double f = factor(step);
        if (!double.IsFinite(f) || f < 0)
        {
            throw new InvalidOperationException($"{Name}: the factor returned {F(f)} at step {step}; it must be finite and non-negative.");
        }

        return InitialRate * f;
    }
}
