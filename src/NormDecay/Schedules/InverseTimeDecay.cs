using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Keras's inverse time decay, counted in iterations, optionally as a staircase.
/// <para>Formula: <c>lr(t) = lr0 / (1 + decayRate * t / decaySteps)</c>; with <c>staircase</c>,
/// <c>floor(t / decaySteps)</c> replaces <c>t / decaySteps</c>.</para>
/// <para>Convention: <c>keras.optimizers.schedules.InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate,
/// staircase=False)</c>. With decaySteps = 1 and epochs as steps it is Ng's <see cref="NgInverseTimeDecay"/>.</para>
/// </summary>
public sealed class InverseTimeDecay : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="decaySteps">Iterations per unit of time; &gt; 0.</param>
    /// <param name="decayRate">Finite, &gt;= 0.</param>
    /// <param name="staircase">Floor the time (default false).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public InverseTimeDecay(double initialRate, int decaySteps, double decayRate, bool staircase = false)
    {
        InitialRate = Rate(initialRate);
        DecaySteps = Positive(decaySteps);
        DecayRate = NonNegative(decayRate);
        Staircase = staircase;
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Iterations per unit of time.</summary>
    public int DecaySteps { get; }

    /// <summary>Decay rate.</summary>
    public double DecayRate { get; }

    /// <summary>Whether the time is floored.</summary>
    public bool Staircase { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Iteration;

    /// <inheritdoc/>
    public string Name => $"InverseTimeDecay(decay_steps={DecaySteps}, decay_rate={F(DecayRate)}{(Staircase ? ", staircase" : "")})";

    /// <inheritdoc/>
    public string Formula => Staircase
        ? @"\eta_t = \frac{\eta_0}{1 + r \lfloor t / s \rfloor}"
        : @"\eta_t = \frac{\eta_0}{1 + r \, t / s}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        double p = (double)step / DecaySteps;
        if (Staircase)
        {
            p = Math.Floor(p);
        }

        return InitialRate / (1 + DecayRate * p);
    }
}
