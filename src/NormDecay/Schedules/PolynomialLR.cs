using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// PyTorch's PolynomialLR: decays to exactly 0 at <c>totalIters</c> and stays there.
/// <para>Formula: <c>lr(t) = lr0 * (1 - min(t, T) / T)^power</c>.</para>
/// <para>Convention: PyTorch <c>PolynomialLR(total_iters=5, power=1.0)</c>, per epoch. Keras's
/// <see cref="PolynomialDecay"/> differs: it ends at <c>end_learning_rate</c> and can cycle.</para>
/// </summary>
public sealed class PolynomialLR : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="totalIters">Epochs until the rate reaches 0; &gt; 0 (PyTorch default 5).</param>
    /// <param name="power">Exponent; finite, &gt;= 0 (default 1, a straight line).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public PolynomialLR(double initialRate, int totalIters = 5, double power = 1.0)
    {
        InitialRate = Rate(initialRate);
        TotalIters = Positive(totalIters);
        Power = NonNegative(power);
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Epoch at which the rate reaches 0.</summary>
    public int TotalIters { get; }

    /// <summary>Exponent of the polynomial.</summary>
    public double Power { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"PolynomialLR(total_iters={TotalIters}, power={F(Power)})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_0 \left(1 - \frac{\min(t, T)}{T}\right)^{p}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return InitialRate * Math.Pow(1.0 - (double)Math.Min(TotalIters, step) / TotalIters, Power);
    }
}
