using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Keras's exponential decay, counted in iterations, optionally as a staircase.
/// <para>Formula: <c>lr(t) = lr0 * decayRate^(t / decaySteps)</c>; with <c>staircase</c> the exponent is
/// <c>floor(t / decaySteps)</c>.</para>
/// <para>Convention: <c>keras.optimizers.schedules.ExponentialDecay(initial_learning_rate, decay_steps, decay_rate,
/// staircase=False)</c> (keras/src/optimizers/schedules/learning_rate_schedule.py).</para>
/// </summary>
public sealed class ExponentialDecay : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="decaySteps">Iterations per factor of decayRate; &gt; 0.</param>
    /// <param name="decayRate">Factor per decaySteps; &gt; 0.</param>
    /// <param name="staircase">Decay in discrete jumps (default false).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public ExponentialDecay(double initialRate, int decaySteps, double decayRate, bool staircase = false)
    {
        InitialRate = Rate(initialRate);
        DecaySteps = Positive(decaySteps);
        DecayRate = Positive(decayRate);
        Staircase = staircase;
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Iterations per factor of <see cref="DecayRate"/>.</summary>
    public int DecaySteps { get; }

    /// <summary>Factor per <see cref="DecaySteps"/>.</summary>
    public double DecayRate { get; }

    /// <summary>Whether the exponent is floored.</summary>
    public bool Staircase { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Iteration;

    /// <inheritdoc/>
    public string Name => $"ExponentialDecay(decay_steps={DecaySteps}, decay_rate={F(DecayRate)}{(Staircase ? ", staircase" : "")})";

    /// <inheritdoc/>
    public string Formula => Staircase
        ? @"\eta_t = \eta_0 \, r^{\lfloor t / s \rfloor}"
        : @"\eta_t = \eta_0 \, r^{t / s}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        double p = (double)step / DecaySteps;
        if (Staircase)
        {
            p = Math.Floor(p);
        }

        return InitialRate * Math.Pow(DecayRate, p);
    }
}
