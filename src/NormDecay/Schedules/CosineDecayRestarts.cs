using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Keras's SGDR: cosine decay that restarts; run i lasts <c>firstDecaySteps * tMul^i</c> iterations and starts at
/// <c>mMul^i</c> times the initial multiplier.
/// <para>Formula: within run i at fraction <c>f</c> of it, <c>lr = lr0 ((1 - alpha) mMul^i (1 + cos(pi f)) / 2 + alpha)</c>.</para>
/// <para>Convention: <c>keras.optimizers.schedules.CosineDecayRestarts(initial_learning_rate, first_decay_steps,
/// t_mul=2.0, m_mul=1.0, alpha=0.0)</c>. Keras finds the run index with
/// <c>floor(log(1 - f (1 - tMul)) / log(tMul))</c>; here the run is found by adding run lengths, which gives the
/// same index except where Keras's logarithm rounds across an exact restart step.</para>
/// </summary>
public sealed class CosineDecayRestarts : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="firstDecaySteps">Length of the first run; &gt; 0.</param>
    /// <param name="tMul">Growth of the run length; finite, &gt;= 1 (default 2).</param>
    /// <param name="mMul">Multiplier of the peak per restart; in (0, 1] (default 1).</param>
    /// <param name="alpha">Floor as a fraction of lr0; in [0, 1] (default 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public CosineDecayRestarts(double initialRate, int firstDecaySteps, double tMul = 2.0, double mMul = 1.0, double alpha = 0.0)
    {
        InitialRate = Rate(initialRate);
        FirstDecaySteps = Positive(firstDecaySteps);
        TMul = InRange(tMul, 1, 1e6);
        MMul = InRange(mMul, 0, 1, lowOpen: true);
        Alpha = InRange(alpha, 0, 1);
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Length of the first run.</summary>
    public int FirstDecaySteps { get; }

    /// <summary>Growth of the run length.</summary>
    public double TMul { get; }

    /// <summary>Peak multiplier per restart.</summary>
    public double MMul { get; }

    /// <summary>Floor as a fraction of lr0.</summary>
    public double Alpha { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Iteration;

    /// <inheritdoc/>
    public string Name => $"CosineDecayRestarts(first={FirstDecaySteps}, t_mul={F(TMul)}, m_mul={F(MMul)}, alpha={F(Alpha)})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_0\left((1 - \alpha)\, m^{i}\, \tfrac{1}{2}(1 + \cos \pi f_t) + \alpha\right)";

    /// <summary>The run index i and the completed fraction f of that run at <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is negative.</exception>
    public (int Restart, double Fraction) Position(int step)
    {
        Step(step);
        double completed = (double)step / FirstDecaySteps;
        if (TMul == 1.0)
        {
            double i = Math.Floor(completed);
            return ((int)i, completed - i);
        }

        // Sum of run lengths in units of the first run: 1 + tMul + tMul^2 + ...
        int restart = 0;
        double start = 0, length = 1;
        while (completed >= start + length)
        {
            start += length;
            length *= TMul;
            restart++;
        }

        return (restart, (completed - start) / length);
    }

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        var (restart, fraction) = Position(step);
        double cosine = 0.5 * Math.Pow(MMul, restart) * (1.0 + Math.Cos(Math.PI * fraction));
        return InitialRate * ((1 - Alpha) * cosine + Alpha);
    }
}
