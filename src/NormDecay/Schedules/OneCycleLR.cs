using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>How <see cref="OneCycleLR"/> moves between its anchor rates.</summary>
public enum AnnealStrategy
{
    /// <summary>Half a cosine: <c>end + (start - end)(1 + cos(pi p)) / 2</c>.</summary>
    Cos,

    /// <summary>A straight line: <c>start + (end - start) p</c>.</summary>
    Linear,
}

/// <summary>
/// The 1cycle policy (Smith and Topin 2018): warm up from <c>maxLr / divFactor</c> to <c>maxLr</c>, then anneal to
/// <c>initial / finalDivFactor</c>, far below the start; momentum does the opposite. Counts <b>iterations</b>.
/// <para>Phases (as PyTorch, with <c>N = totalSteps</c>, <c>p = pctStart</c>): two-phase: up to step <c>pN - 1</c>
/// initial -&gt; max, then to step <c>N - 1</c> max -&gt; min. Three-phase: initial -&gt; max until <c>pN - 1</c>,
/// max -&gt; initial until <c>2pN - 2</c>, initial -&gt; min until <c>N - 1</c>. Within a phase the fraction is
/// <c>(t - start) / (end - start)</c> and <see cref="AnnealStrategy"/> interpolates.</para>
/// <para>Convention: PyTorch <c>OneCycleLR(max_lr, total_steps, pct_start=0.3, anneal_strategy='cos',
/// cycle_momentum=True, base_momentum=0.85, max_momentum=0.95, div_factor=25, final_div_factor=1e4,
/// three_phase=False)</c>. PyTorch raises after <c>total_steps</c> steps; here steps past <c>totalSteps - 1</c>
/// hold the final rate, so the schedule is defined for every step (a chart can show training running on).</para>
/// </summary>
public sealed class OneCycleLR : ISchedule
{
    private readonly double[] phaseEnds;

    /// <summary>Creates the schedule.</summary>
    /// <param name="maxLr">Peak rate; finite, &gt;= 0.</param>
    /// <param name="totalSteps">Iterations in the whole cycle (epochs * steps per epoch); &gt; 0.</param>
    /// <param name="pctStart">Fraction of the cycle spent warming up; in (0, 1), and <c>pctStart * totalSteps</c>
    /// must exceed 1 so that every phase has positive length (default 0.3).</param>
    /// <param name="annealStrategy">Interpolation (default <see cref="AnnealStrategy.Cos"/>).</param>
    /// <param name="baseMomentum">Momentum at the peak rate; in [0, 1] (default 0.85).</param>
    /// <param name="maxMomentum">Momentum at the start and end; in [baseMomentum, 1] (default 0.95).</param>
    /// <param name="divFactor">initial = maxLr / divFactor; &gt; 0 (default 25).</param>
    /// <param name="finalDivFactor">final = initial / finalDivFactor; &gt; 0 (default 1e4).</param>
    /// <param name="threePhase">Use the three-phase variant (default false).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    /// <exception cref="ArgumentException">When the phases would have zero or negative length.</exception>
    public OneCycleLR(double maxLr, int totalSteps, double pctStart = 0.3, AnnealStrategy annealStrategy = AnnealStrategy.Cos,
        double baseMomentum = 0.85, double maxMomentum = 0.95, double divFactor = 25.0, double finalDivFactor = 1e4,
        bool threePhase = false)
    {
        MaxLr = Rate(maxLr);
        TotalSteps = Positive(totalSteps);
        PctStart = InRange(pctStart, 0, 1, lowOpen: true, highOpen: true);
        if (!Enum.IsDefined(annealStrategy))
        {
            throw new ArgumentOutOfRangeException(nameof(annealStrategy), annealStrategy, $"annealStrategy must be Cos or Linear, got {annealStrategy}.");
        }

        AnnealStrategy = annealStrategy;
        BaseMomentum = InRange(baseMomentum, 0, 1);
        MaxMomentum = InRange(maxMomentum, baseMomentum, 1);
        DivFactor = Positive(divFactor);
        FinalDivFactor = Positive(finalDivFactor);
        ThreePhase = threePhase;
        InitialLr = maxLr / divFactor;
        MinLr = InitialLr / finalDivFactor;

        double warmEnd = pctStart * totalSteps - 1;
        phaseEnds = threePhase
            ? [warmEnd, 2 * pctStart * totalSteps - 2, totalSteps - 1]
            : [warmEnd, totalSteps - 1];
        double previous = 0;
        for (int i = 0; i < phaseEnds.Length; i++)
        {
            if (phaseEnds[i] <= previous)
            {
                throw new ArgumentException(
                    $"pctStart = {F(pctStart)} with totalSteps = {totalSteps} gives phase {i + 1} zero or negative length " +
                    $"(it would end at step {F(phaseEnds[i])}, after {F(previous)}); need pctStart * totalSteps > 1" +
                    (threePhase ? " and pctStart < 0.5 (approximately) for three phases." : " and pctStart * totalSteps < totalSteps."),
                    nameof(pctStart));
            }

            previous = phaseEnds[i];
        }
    }

    /// <summary>Peak rate.</summary>
    public double MaxLr { get; }

    /// <summary>Length of the cycle in iterations.</summary>
    public int TotalSteps { get; }

    /// <summary>Fraction of the cycle spent warming up.</summary>
    public double PctStart { get; }

    /// <summary>Interpolation between anchors.</summary>
    public AnnealStrategy AnnealStrategy { get; }

    /// <summary>Momentum at the peak rate.</summary>
    public double BaseMomentum { get; }

    /// <summary>Momentum at the start and at the end.</summary>
    public double MaxMomentum { get; }

    /// <summary>maxLr / initial.</summary>
    public double DivFactor { get; }

    /// <summary>initial / final.</summary>
    public double FinalDivFactor { get; }

    /// <summary>Whether the three-phase variant is used.</summary>
    public bool ThreePhase { get; }

    /// <summary>The rate at step 0: <c>maxLr / divFactor</c>.</summary>
    public double InitialLr { get; }

    /// <summary>The rate at step <c>totalSteps - 1</c> and after: <c>InitialLr / finalDivFactor</c>.</summary>
    public double MinLr { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Iteration;

    /// <inheritdoc/>
    public string Name => $"OneCycleLR({(AnnealStrategy == AnnealStrategy.Cos ? "cos" : "linear")}, total={TotalSteps}, pct_start={F(PctStart)}{(ThreePhase ? ", three_phase" : "")})";

    /// <inheritdoc/>
    public string Formula => AnnealStrategy == AnnealStrategy.Cos
        ? @"\eta_t = \eta_{end} + \tfrac{1}{2}(\eta_{start} - \eta_{end})(1 + \cos \pi p_t)"
        : @"\eta_t = \eta_{start} + (\eta_{end} - \eta_{start})\, p_t";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        var (phase, pct) = Locate(step);
        (double start, double end) = (ThreePhase, phase) switch
        {
            (_, 0) => (InitialLr, MaxLr),
            (false, _) => (MaxLr, MinLr),
            (true, 1) => (MaxLr, InitialLr),
            _ => (InitialLr, MinLr),
        };
        return Anneal(start, end, pct);
    }

    /// <summary>
    /// The cycled momentum at <paramref name="step"/> (PyTorch's <c>cycle_momentum=True</c>): maxMomentum -&gt;
    /// baseMomentum while the rate rises, back to maxMomentum while it falls (three-phase: then stays there).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is negative.</exception>
    public double Momentum(int step)
    {
        var (phase, pct) = Locate(step);
        (double start, double end) = (ThreePhase, phase) switch
        {
            (_, 0) => (MaxMomentum, BaseMomentum),
            (false, _) => (BaseMomentum, MaxMomentum),
            (true, 1) => (BaseMomentum, MaxMomentum),
            _ => (MaxMomentum, MaxMomentum),
        };
        return Anneal(start, end, pct);
    }

    private (int Phase, double Pct) Locate(int step)
    {
        Step(step);
        double t = Math.Min(step, TotalSteps - 1);
        double start = 0;
        for (int i = 0; i < phaseEnds.Length; i++)
        {
            double end = phaseEnds[i];
            if (t <= end || i == phaseEnds.Length - 1)
            {
                return (i, (t - start) / (end - start));
            }

            start = end;
        }

        throw new InvalidOperationException("unreachable: the last phase always matches");
    }

    private double Anneal(double start, double end, double pct) => AnnealStrategy == AnnealStrategy.Cos
        ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1)
        : (end - start) * pct + start;
}
