using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// The fixed-interval scheduling of Ng's Optimization Methods assignment:
/// <c>lr(t) = lr0 / (1 + decayRate * floor(t / timeInterval))</c>, inverse-time decay applied in stairs.
/// <para>Convention: deeplearning.ai, Improving Deep Neural Networks, week 2 assignment, <c>schedule_lr_decay(
/// learning_rate0, epoch_num, decay_rate, time_interval=1000)</c>; epochs counted from 0. Keras's
/// <see cref="InverseTimeDecay"/> with staircase is the same formula counted in iterations.</para>
/// </summary>
public sealed class NgFixedIntervalDecay : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="decayRate">Finite, &gt;= 0 (the assignment uses 1).</param>
    /// <param name="timeInterval">Epochs per stair; &gt; 0 (default 1000, as the assignment).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public NgFixedIntervalDecay(double initialRate, double decayRate = 1.0, int timeInterval = 1000)
    {
        InitialRate = Rate(initialRate);
        DecayRate = NonNegative(decayRate);
        TimeInterval = Positive(timeInterval);
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Decay rate.</summary>
    public double DecayRate { get; }

    /// <summary>Epochs per stair.</summary>
    public int TimeInterval { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"Ng fixed interval(decay_rate={F(DecayRate)}, interval={TimeInterval})";

    /// <inheritdoc/>
    public string Formula => @"\alpha = \frac{\alpha_0}{1 + \text{decay\_rate} \cdot \lfloor \text{epoch\_num} / \text{time\_interval} \rfloor}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return InitialRate / (1 + DecayRate * (step / TimeInterval));
    }
}
