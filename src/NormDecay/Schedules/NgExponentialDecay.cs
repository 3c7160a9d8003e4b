using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Andrew Ng's exponential decay: <c>alpha = base^epochNum * alpha0</c>, with base 0.95 in the lecture.
/// <para>Convention: deeplearning.ai, Improving Deep Neural Networks, week 2, "Other learning rate decay methods".
/// The same curve as PyTorch's <see cref="ExponentialLR"/> with gamma = base; epochs counted from 0.</para>
/// </summary>
public sealed class NgExponentialDecay : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">alpha0; finite, &gt;= 0.</param>
    /// <param name="decayBase">The base; in (0, 1] (default 0.95).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public NgExponentialDecay(double initialRate, double decayBase = 0.95)
    {
        InitialRate = Rate(initialRate);
        DecayBase = InRange(decayBase, 0, 1, lowOpen: true);
    }

    /// <summary>alpha0.</summary>
    public double InitialRate { get; }

    /// <summary>The base raised to the epoch.</summary>
    public double DecayBase { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"Ng {F(DecayBase)}^t";

    /// <inheritdoc/>
    /// <remarks>Symbolic in the base <c>b</c> (<see cref="DecayBase"/>), like the other schedules' formulas; the lecture uses b = 0.95.</remarks>
    public string Formula => @"\alpha = b^{\text{epoch\_num}} \, \alpha_0";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return InitialRate * Math.Pow(DecayBase, step);
    }
}
