using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Each epoch multiplies the previous rate by <c>factor(t)</c>; the closed form is the running product
/// <c>lr(t) = lr0 * prod_{k=1..t} factor(k)</c> (the factor is not applied at epoch 0).
/// <para>Convention: PyTorch <c>MultiplicativeLR(lr_lambda)</c>, per epoch (its <c>get_lr</c> multiplies by
/// <c>lr_lambda(last_epoch)</c> when <c>last_epoch &gt; 0</c>). Computing step t costs t calls of the factor.</para>
/// </summary>
public sealed class MultiplicativeLR : ISchedule
{
    private readonly Func<int, double> factor;
    private readonly string? label;

    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="factor">The per-epoch multiplier as a function of the epoch (called for 1 .. t).</param>
    /// <param name="label">Text for the legend (default <c>"lambda"</c>).</param>
    /// <exception cref="ArgumentNullException">When <paramref name="factor"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="initialRate"/> is negative or not finite.</exception>
    public MultiplicativeLR(double initialRate, Func<int, double> factor, string? label = null)
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
    public string Name => $"MultiplicativeLR({label ?? "lambda"})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_0 \prod_{k=1}^{t} \lambda(k)";

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">When the factor returns NaN, an infinity or a negative number (the message names the step).</exception>
    public double LearningRate(int step)
    {
        Step(step);
        double lr = InitialRate;
        for (int k = 1; k <= step; k++)
        {
            double f = factor(k);
            if (!double.IsFinite(f) || f < 0)
            {
                throw new InvalidOperationException($"{Name}: the factor returned {F(f)} at step {k}; it must be finite and non-negative.");
            }

            lr *= f;
        }

        return lr;
    }
}
