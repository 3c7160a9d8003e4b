using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Exponential decay per epoch: <c>lr(t) = lr0 * gamma^t</c>.
/// <para>Convention: PyTorch <c>ExponentialLR(gamma)</c> (no default for gamma), per epoch. Ng's <c>0.95^epoch * lr0</c>
/// is the same curve with gamma = 0.95 (see <see cref="NgExponentialDecay"/>).</para>
/// </summary>
public sealed class ExponentialLR : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="gamma">Factor per epoch; &gt; 0 (below 1 decays, above 1 grows).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public ExponentialLR(double initialRate, double gamma)
    {
        InitialRate = Rate(initialRate);
        Gamma = Positive(gamma);
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Factor per epoch.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"ExponentialLR(gamma={F(Gamma)})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_0 \, \gamma^{t}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return InitialRate * Math.Pow(Gamma, step);
    }
}
