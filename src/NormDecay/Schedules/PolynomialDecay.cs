using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Keras's polynomial decay from <c>lr0</c> to <c>endRate</c> over <c>decaySteps</c> iterations, optionally cycling.
/// <para>Formula: <c>lr(t) = (lr0 - end) (1 - t' / D)^power + end</c>. Without cycle, <c>t' = min(t, decaySteps)</c> and
/// <c>D = decaySteps</c>. With cycle, <c>t' = t</c> and <c>D = decaySteps * ceil(t / decaySteps)</c> (1 at t = 0):
/// each restart begins lower, because the horizon doubles, triples, ... (it is not periodic).</para>
/// <para>Convention: <c>keras.optimizers.schedules.PolynomialDecay(initial_learning_rate, decay_steps,
/// end_learning_rate=0.0001, power=1.0, cycle=False)</c>, iterations. Compare PyTorch's <see cref="PolynomialLR"/>.</para>
/// </summary>
public sealed class PolynomialDecay : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="decaySteps">Iterations of the decay; &gt; 0.</param>
    /// <param name="endRate">Final rate; in [0, lr0] (Keras default 1e-4).</param>
    /// <param name="power">Exponent; finite, &gt;= 0 (default 1).</param>
    /// <param name="cycle">Restart beyond decaySteps (default false).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public PolynomialDecay(double initialRate, int decaySteps, double endRate = 1e-4, double power = 1.0, bool cycle = false)
    {
        InitialRate = Rate(initialRate);
        DecaySteps = Positive(decaySteps);
        EndRate = InRange(endRate, 0, InitialRate);
        Power = NonNegative(power);
        Cycle = cycle;
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Iterations of one decay.</summary>
    public int DecaySteps { get; }

    /// <summary>Final rate.</summary>
    public double EndRate { get; }

    /// <summary>Exponent.</summary>
    public double Power { get; }

    /// <summary>Whether the decay restarts.</summary>
    public bool Cycle { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Iteration;

    /// <inheritdoc/>
    public string Name => $"PolynomialDecay(decay_steps={DecaySteps}, end={F(EndRate)}, power={F(Power)}{(Cycle ? ", cycle" : "")})";

    /// <inheritdoc/>
    public string Formula => Cycle
        ? @"\eta_t = (\eta_0 - \eta_{end})\left(1 - \frac{t}{D\lceil t/D \rceil}\right)^{p} + \eta_{end}"
        : @"\eta_t = (\eta_0 - \eta_{end})\left(1 - \frac{\min(t, D)}{D}\right)^{p} + \eta_{end}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        double t = step;
        double d = DecaySteps;
        if (Cycle)
        {
            double multiplier = step == 0 ? 1.0 : Math.Ceiling(t / DecaySteps);
            d *= multiplier;
        }
        else
        {
            t = Math.Min(t, d);
        }

        double p = t / d;
        return (InitialRate - EndRate) * Math.Pow(1 - p, Power) + EndRate;
    }
}
