using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Andrew Ng's "discrete staircase": keep the rate for <c>interval</c> epochs, then cut it by <c>factor</c>
/// (halve it, in the lecture's drawing): <c>lr(t) = alpha0 * factor^floor(t / interval)</c>.
/// <para>Convention: deeplearning.ai, Improving Deep Neural Networks, week 2, "Other learning rate decay methods".
/// The same curve as PyTorch's <see cref="StepLR"/>; kept under the course's name for the lesson.</para>
/// </summary>
public sealed class NgStaircaseDecay : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">alpha0; finite, &gt;= 0.</param>
    /// <param name="interval">Epochs per stair; &gt; 0.</param>
    /// <param name="factor">Cut per stair; in (0, 1] (default 0.5).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public NgStaircaseDecay(double initialRate, int interval, double factor = 0.5)
    {
        InitialRate = Rate(initialRate);
        Interval = Positive(interval);
        Factor = InRange(factor, 0, 1, lowOpen: true);
    }

    /// <summary>alpha0.</summary>
    public double InitialRate { get; }

    /// <summary>Epochs per stair.</summary>
    public int Interval { get; }

    /// <summary>Cut per stair.</summary>
    public double Factor { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"Ng staircase(every {Interval}, x{F(Factor)})";

    /// <inheritdoc/>
    public string Formula => @"\alpha = \alpha_0 \, f^{\lfloor t / k \rfloor}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return InitialRate * Math.Pow(Factor, step / Interval);
    }
}
