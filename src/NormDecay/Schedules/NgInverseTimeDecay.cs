using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Andrew Ng's learning-rate decay: <c>alpha = alpha0 / (1 + decayRate * epochNum)</c>.
/// <para>Convention: deeplearning.ai, Improving Deep Neural Networks, week 2 ("Learning rate decay" lecture and the
/// Optimization Methods assignment's <c>update_lr</c>). The step is the assignment's <c>epoch_num</c>, counted from 0,
/// so the first epoch trains at alpha0 (the lecture's table numbers epochs from 1: shift by one to reproduce it).</para>
/// </summary>
public sealed class NgInverseTimeDecay : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">alpha0; finite, &gt;= 0.</param>
    /// <param name="decayRate">Finite, &gt;= 0 (the lecture uses 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public NgInverseTimeDecay(double initialRate, double decayRate = 1.0)
    {
        InitialRate = Rate(initialRate);
        DecayRate = NonNegative(decayRate);
    }

    /// <summary>alpha0.</summary>
    public double InitialRate { get; }

    /// <summary>Decay rate.</summary>
    public double DecayRate { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"Ng 1/(1+{F(DecayRate)} t)";

    /// <inheritdoc/>
    public string Formula => @"\alpha = \frac{\alpha_0}{1 + \text{decay\_rate} \cdot \text{epoch\_num}}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return InitialRate / (1 + DecayRate * step);
    }
}
