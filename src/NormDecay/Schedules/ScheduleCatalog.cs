namespace NormDecay.Schedules;

/// <summary>Whether a schedule only goes one way.</summary>
public enum Monotonicity
{
    /// <summary>Goes up and down (cycles, warmups, restarts).</summary>
    None,

    /// <summary>Never rises: <c>lr(t + 1) &lt;= lr(t)</c> for every t (a constant counts).</summary>
    NonIncreasing,

    /// <summary>Never falls: <c>lr(t + 1) &gt;= lr(t)</c> for every t.</summary>
    NonDecreasing,
}

/// <summary>
/// One schedule of the <see cref="ScheduleCatalog"/> with what is known about it in closed form, so a test can check
/// it and a notebook can plot it.
/// </summary>
/// <param name="Schedule">The schedule, with representative parameters.</param>
/// <param name="Family">Whose convention it follows: <c>PyTorch</c>, <c>Keras</c>, <c>Ng</c> or <c>Other</c>.</param>
/// <param name="Min">A lower bound of the rate over every step t &gt;= 0 (the infimum, which a decaying schedule may only approach).</param>
/// <param name="Max">An upper bound of the rate over every step, reached at some step.</param>
/// <param name="Monotonicity">Whether the schedule only goes one way.</param>
/// <param name="Period">For periodic schedules, the period in steps (<c>lr(t + P) = lr(t)</c>); otherwise null.</param>
/// <param name="Steps">How many steps show the schedule's whole shape in a chart.</param>
public sealed record ScheduleCatalogEntry(
    ISchedule Schedule, string Family, double Min, double Max, Monotonicity Monotonicity, int? Period, int Steps);

/// <summary>
/// One instance of every schedule in the library with representative parameters (peak rate 0.1), for plotting
/// them all in a loop (<c>foreach (var e in ScheduleCatalog.All())</c>) and for tests of their bounds and shapes.
/// Epoch schedules are shown over 100 epochs, iteration schedules over 1000 iterations.
/// </summary>
public static class ScheduleCatalog
{
    /// <summary>The peak rate every catalogue schedule uses.</summary>
    public const double PeakRate = 0.1;

    /// <summary>Every schedule with its bounds and shape, grouped by family (PyTorch, Keras, Ng, Other).</summary>
    /// <returns>A new list of new schedule instances (about 35).</returns>
    public static IReadOnlyList<ScheduleCatalogEntry> All()
    {
        const double lr = PeakRate;
        const int epochs = 100, iterations = 1000;
        var oneCycle = new OneCycleLR(lr, iterations);
        var oneCycle3 = new OneCycleLR(lr, iterations, pctStart: 0.25, annealStrategy: AnnealStrategy.Linear, threePhase: true);
        return
        [
            // PyTorch, per epoch unless stated.
            new(new StepLR(lr, stepSize: 30, gamma: 0.1), "PyTorch", 0, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new MultiStepLR(lr, [30, 60, 80], gamma: 0.1), "PyTorch", lr * 1e-3, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new ConstantLR(lr, factor: 1.0 / 3, totalIters: 5), "PyTorch", lr / 3, lr, Monotonicity.NonDecreasing, null, 20),
            new(new LinearLR(lr, startFactor: 1.0 / 3, endFactor: 1.0, totalIters: 5), "PyTorch", lr / 3, lr, Monotonicity.NonDecreasing, null, 20),
            new(new ExponentialLR(lr, gamma: 0.95), "PyTorch", 0, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new PolynomialLR(lr, totalIters: 50, power: 2.0), "PyTorch", 0, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new CosineAnnealingLR(lr, tMax: 25, etaMin: 0.001), "PyTorch", 0.001, lr, Monotonicity.None, 50, epochs),
            new(new CosineAnnealingWarmRestarts(lr, t0: 10, tMult: 2, etaMin: 0.001), "PyTorch", 0.001, lr, Monotonicity.None, null, epochs),
            new(new CosineAnnealingWarmRestarts(lr, t0: 20), "PyTorch", 0, lr, Monotonicity.None, 20, epochs),
            new(new CyclicLR(0.001, lr, stepSizeUp: 100), "PyTorch", 0.001, lr, Monotonicity.None, 200, iterations),
            new(new CyclicLR(0.001, lr, stepSizeUp: 50, stepSizeDown: 150, mode: CyclicMode.Triangular2), "PyTorch", 0.001, lr, Monotonicity.None, null, iterations),
            new(new CyclicLR(0.001, lr, stepSizeUp: 100, mode: CyclicMode.ExpRange, gamma: 0.998), "PyTorch", 0.001,
                0.001 + (lr - 0.001) * Math.Pow(0.998, 100), /* the first peak (t = 100) is the highest; exp_range never reaches maxLr */ Monotonicity.None, null, iterations),
            new(oneCycle, "PyTorch", oneCycle.MinLr, lr, Monotonicity.None, null, iterations),
            new(oneCycle3, "PyTorch", oneCycle3.MinLr, lr, Monotonicity.None, null, iterations),
            new(new LambdaLR(lr, t => 1.0 / (1.0 + 0.05 * t), "1/(1+0.05t)"), "PyTorch", 0, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new MultiplicativeLR(lr, _ => 0.97, "0.97"), "PyTorch", 0, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new SequentialLR([new LinearLR(lr, startFactor: 0.1, totalIters: 5), new ExponentialLR(lr, gamma: 0.95)], [5]),
                "PyTorch", 0, lr, Monotonicity.None, null, epochs),

            // Keras, per iteration.
            new(new ExponentialDecay(lr, decaySteps: 100, decayRate: 0.8), "Keras", 0, lr, Monotonicity.NonIncreasing, null, iterations),
            new(new ExponentialDecay(lr, decaySteps: 100, decayRate: 0.8, staircase: true), "Keras", 0, lr, Monotonicity.NonIncreasing, null, iterations),
            new(new InverseTimeDecay(lr, decaySteps: 100, decayRate: 0.5), "Keras", 0, lr, Monotonicity.NonIncreasing, null, iterations),
            new(new InverseTimeDecay(lr, decaySteps: 100, decayRate: 0.5, staircase: true), "Keras", 0, lr, Monotonicity.NonIncreasing, null, iterations),
            new(new PiecewiseConstantDecay([300, 600], [lr, lr / 2, lr / 10]), "Keras", lr / 10, lr, Monotonicity.NonIncreasing, null, iterations),
            new(new PolynomialDecay(lr, decaySteps: 600, endRate: 0.001, power: 2.0), "Keras", 0.001, lr, Monotonicity.NonIncreasing, null, iterations),
            new(new PolynomialDecay(lr, decaySteps: 250, endRate: 0.001, power: 1.0, cycle: true), "Keras", 0.001, lr, Monotonicity.None, null, iterations),
            new(new CosineDecay(lr, decaySteps: 800, alpha: 0.01), "Keras", lr * 0.01, lr, Monotonicity.NonIncreasing, null, iterations),
            new(new CosineDecay(0.0, decaySteps: 800, alpha: 0.01, warmupTarget: lr, warmupSteps: 100), "Keras", 0, lr, Monotonicity.None, null, iterations),
            new(new CosineDecayRestarts(lr, firstDecaySteps: 100, tMul: 2.0, mMul: 0.8, alpha: 0.01), "Keras", lr * 0.01, lr, Monotonicity.None, null, iterations),
            new(new CosineDecayRestarts(lr, firstDecaySteps: 200, tMul: 1.0, mMul: 1.0), "Keras", 0, lr, Monotonicity.None, 200, iterations),

            // Andrew Ng's course, per epoch.
            new(new NgInverseTimeDecay(lr, decayRate: 1.0), "Ng", 0, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new NgExponentialDecay(lr, decayBase: 0.95), "Ng", 0, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new NgSqrtDecay(lr, k: 1.0), "Ng", 0, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new NgStaircaseDecay(lr, interval: 20, factor: 0.5), "Ng", 0, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new NgFixedIntervalDecay(lr, decayRate: 1.0, timeInterval: 10), "Ng", 0, lr, Monotonicity.NonIncreasing, null, epochs),

            // Other forms the lessons use.
            new(new ConstantRate(lr), "Other", lr, lr, Monotonicity.NonIncreasing, 1, epochs),
            new(new LinearDecay(lr, 0.001, totalSteps: 80), "Other", 0.001, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new LogarithmicDecay(lr, 0.001, totalSteps: 80), "Other", 0.001, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new ClampedCosineAnnealing(lr, tMax: 50, etaMin: 0.001), "Other", 0.001, lr, Monotonicity.NonIncreasing, null, epochs),
            new(new Warmup(new ClampedCosineAnnealing(lr, tMax: 80), warmupSteps: 10), "Other", 0, lr, Monotonicity.None, null, epochs),
            new(new Warmup(new ExponentialLR(lr, gamma: 0.97), warmupSteps: 10, startFactor: 0.1, mode: WarmupMode.Overlay), "Other", 0,
                lr * Math.Pow(0.97, 10), /* overlay: the peak is at the end of the ramp, on the already decayed inner rate */ Monotonicity.None, null, epochs),
        ];
    }

    /// <summary>Just the schedules of <see cref="All"/>, in the same order.</summary>
    /// <returns>A new list of new schedule instances.</returns>
    public static IReadOnlyList<ISchedule> Schedules() => All().Select(e => e.Schedule).ToList();
}
