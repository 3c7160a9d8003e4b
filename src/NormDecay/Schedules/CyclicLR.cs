using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>The amplitude policy of <see cref="CyclicLR"/> (Smith 2017, "Cyclical Learning Rates for Training Neural Networks").</summary>
public enum CyclicMode
{
    /// <summary>Constant amplitude: every cycle goes from base to max and back.</summary>
    Triangular,

    /// <summary>The amplitude halves every cycle: scale <c>1 / 2^(cycle - 1)</c>.</summary>
    Triangular2,

    /// <summary>The amplitude shrinks by <c>gamma</c> every iteration: scale <c>gamma^t</c>.</summary>
    ExpRange,
}

/// <summary>
/// Cyclical learning rate: a triangle wave between <c>baseLr</c> and <c>maxLr</c>, rising for
/// <c>stepSizeUp</c> iterations and falling for <c>stepSizeDown</c>, with an amplitude policy.
/// Counts <b>iterations</b> (mini-batches), not epochs.
/// <para>Formula: with <c>L = up + down</c>, <c>c = floor(1 + t / L)</c>, <c>x = 1 + t / L - c</c>,
/// <c>h = x / r</c> if <c>x &lt;= r = up / L</c> else <c>(x - 1) / (r - 1)</c>;
/// <c>lr(t) = base + (max - base) h s</c>, with <c>s = 1</c>, <c>1 / 2^(c-1)</c> or <c>gamma^t</c>.</para>
/// <para>Convention: PyTorch <c>CyclicLR(base_lr, max_lr, step_size_up=2000, step_size_down=None,
/// mode='triangular', gamma=1.0, cycle_momentum=True, base_momentum=0.8, max_momentum=0.9)</c>; the same
/// floating-point steps as its <c>get_lr</c>. Momentum cycles the opposite way (see <see cref="Momentum"/>).</para>
/// </summary>
public sealed class CyclicLR : ISchedule
{
    private readonly double totalSize;
    private readonly double stepRatio;

    /// <summary>Creates the schedule.</summary>
    /// <param name="baseLr">Lower end of the cycle and the rate at iteration 0; finite, &gt;= 0.</param>
    /// <param name="maxLr">Upper end; finite, &gt;= baseLr (only reached in full in the first cycle unless mode is Triangular).</param>
    /// <param name="stepSizeUp">Iterations of the rising half; &gt; 0 (PyTorch default 2000).</param>
    /// <param name="stepSizeDown">Iterations of the falling half; &gt; 0; null means equal to <paramref name="stepSizeUp"/>.</param>
    /// <param name="mode">Amplitude policy (default <see cref="CyclicMode.Triangular"/>).</param>
    /// <param name="gamma">Per-iteration factor of <see cref="CyclicMode.ExpRange"/>; in (0, 1] (default 1).</param>
    /// <param name="baseMomentum">Momentum at the peak of the rate; in [0, 1] (default 0.8).</param>
    /// <param name="maxMomentum">Momentum at the base of the rate; in [baseMomentum, 1] (default 0.9).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public CyclicLR(double baseLr, double maxLr, int stepSizeUp = 2000, int? stepSizeDown = null,
        CyclicMode mode = CyclicMode.Triangular, double gamma = 1.0, double baseMomentum = 0.8, double maxMomentum = 0.9)
    {
        BaseLr = Rate(baseLr);
        MaxLr = Rate(maxLr);
        if (maxLr < baseLr)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLr), maxLr, $"maxLr must be >= baseLr ({F(baseLr)}), got {F(maxLr)}.");
        }

        StepSizeUp = Positive(stepSizeUp);
        int down = stepSizeDown ?? stepSizeUp;
        StepSizeDown = Positive(down, nameof(stepSizeDown));
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be Triangular, Triangular2 or ExpRange, got {mode}.");
        }

        Mode = mode;
        Gamma = InRange(gamma, 0, 1, lowOpen: true);
        BaseMomentum = InRange(baseMomentum, 0, 1);
        MaxMomentum = InRange(maxMomentum, baseMomentum, 1);
        totalSize = (double)StepSizeUp + StepSizeDown;
        stepRatio = StepSizeUp / totalSize;
    }

    /// <summary>Lower end of the cycle.</summary>
    public double BaseLr { get; }

    /// <summary>Upper end of the cycle.</summary>
    public double MaxLr { get; }

    /// <summary>Iterations of the rising half.</summary>
    public int StepSizeUp { get; }

    /// <summary>Iterations of the falling half.</summary>
    public int StepSizeDown { get; }

    /// <summary>Amplitude policy.</summary>
    public CyclicMode Mode { get; }

    /// <summary>Per-iteration amplitude factor of <see cref="CyclicMode.ExpRange"/>.</summary>
    public double Gamma { get; }

    /// <summary>Momentum when the rate is at its maximum.</summary>
    public double BaseMomentum { get; }

    /// <summary>Momentum when the rate is at its base.</summary>
    public double MaxMomentum { get; }

    /// <summary>Iterations per cycle, <c>stepSizeUp + stepSizeDown</c> (the period of Triangular mode).</summary>
    public int CycleLength => StepSizeUp + StepSizeDown;

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Iteration;

    /// <inheritdoc/>
    public string Name => $"CyclicLR({ModeName}, up={StepSizeUp}, down={StepSizeDown}" + (Mode == CyclicMode.ExpRange ? $", gamma={F(Gamma)})" : ")");

    /// <inheritdoc/>
    public string Formula => Mode switch
    {
        CyclicMode.Triangular => @"\eta_t = \eta_{base} + (\eta_{max} - \eta_{base})\, h(t)",
        CyclicMode.Triangular2 => @"\eta_t = \eta_{base} + (\eta_{max} - \eta_{base})\, h(t) / 2^{c(t) - 1}",
        _ => @"\eta_t = \eta_{base} + (\eta_{max} - \eta_{base})\, h(t)\, \gamma^{t}",
    };

    private string ModeName => Mode switch
    {
        CyclicMode.Triangular => "triangular",
        CyclicMode.Triangular2 => "triangular2",
        _ => "exp_range",
    };

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        var (height, scale) = Shape(step);
        return BaseLr + (MaxLr - BaseLr) * height * scale;
    }

    /// <summary>
    /// The cycled momentum at <paramref name="step"/>: <c>maxMomentum - (maxMomentum - baseMomentum) h s</c>,
    /// low when the rate is high (PyTorch's <c>cycle_momentum=True</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is negative.</exception>
    public double Momentum(int step)
    {
        var (height, scale) = Shape(step);
        return MaxMomentum - (MaxMomentum - BaseMomentum) * height * scale;
    }

    private (double Height, double Scale) Shape(int step)
    {
        Step(step);
        double cycle = Math.Floor(1 + step / totalSize);
        double x = 1.0 + step / totalSize - cycle;
        double height = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        double scale = Mode switch
        {
            CyclicMode.Triangular => 1.0,
            CyclicMode.Triangular2 => 1 / Math.Pow(2.0, cycle - 1),
            _ => Math.Pow(Gamma, step),
        };
        return (height, scale);
    }
}
