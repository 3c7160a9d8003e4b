using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Logarithmic decay, defined here as a straight line <b>on a logarithmic rate axis</b>: the logarithm of the rate
/// falls linearly from <c>log lr0</c> to <c>log end</c> over <c>totalSteps</c>, then the rate stays at <c>end</c>.
/// <para>Formula: <c>lr(t) = lr0 (end / lr0)^(min(t, T) / T)</c>, i.e. <c>log lr(t) = log lr0 + (log end - log lr0) min(t, T) / T</c>
/// (NumPy's <c>logspace</c> between the two rates).</para>
/// <para>Why this meaning: "linear and logarithmic decay" in the article contrast a line on a linear axis with a line
/// on a log axis, the way learning rates are usually plotted. Each step multiplies the rate by the same factor
/// <c>(end / lr0)^(1/T)</c>, so it is exponential decay (PyTorch's ExponentialLR) parameterized by where it starts,
/// where it ends and how long it takes, which is how people choose it. (A schedule like <c>1 / (1 + k log(1 + t))</c>
/// is sometimes also called logarithmic; it is a <see cref="LambdaLR"/> one-liner.)</para>
/// </summary>
public sealed class LogarithmicDecay : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt; 0 (a logarithm needs a positive rate).</param>
    /// <param name="endRate">Final rate; in (0, lr0].</param>
    /// <param name="totalSteps">Steps of the decay; &gt; 0.</param>
    /// <param name="unit">What a step counts (default <see cref="StepUnit.Epoch"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public LogarithmicDecay(double initialRate, double endRate, int totalSteps, StepUnit unit = StepUnit.Epoch)
    {
        InitialRate = Positive(initialRate);
        EndRate = InRange(endRate, 0, InitialRate, lowOpen: true);
        TotalSteps = Positive(totalSteps);
        Unit = unit;
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Final rate.</summary>
    public double EndRate { get; }

    /// <summary>Steps of the decay.</summary>
    public int TotalSteps { get; }

    /// <inheritdoc/>
    public StepUnit Unit { get; }

    /// <inheritdoc/>
    public string Name => $"Logarithmic({F(InitialRate)} to {F(EndRate)} in {TotalSteps})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_0 \left(\frac{\eta_{end}}{\eta_0}\right)^{\min(t, T)/T}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return InitialRate * Math.Pow(EndRate / InitialRate, (double)Math.Min(step, TotalSteps) / TotalSteps);
    }
}
