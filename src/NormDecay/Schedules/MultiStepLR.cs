using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Multi-step decay: multiply the rate by <c>gamma</c> at each listed milestone epoch.
/// <para>Formula: <c>lr(t) = lr0 * gamma^(number of milestones m with m &lt;= t)</c>.</para>
/// <para>Convention: PyTorch <c>MultiStepLR(milestones, gamma=0.1)</c>. As in PyTorch (which keeps a
/// <c>Counter</c>), a milestone listed twice applies <c>gamma</c> twice.</para>
/// </summary>
public sealed class MultiStepLR : ISchedule
{
    private readonly int[] milestones;

    /// <summary>Creates a multi-step decay.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="milestones">Epochs at which the rate is multiplied by <paramref name="gamma"/>; non-empty, each &gt;= 0, non-decreasing.</param>
    /// <param name="gamma">Factor per milestone; &gt; 0 (PyTorch default 0.1).</param>
    /// <exception cref="ArgumentException">When milestones are empty, negative or out of order.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rate or gamma is outside its range.</exception>
    public MultiStepLR(double initialRate, IReadOnlyList<int> milestones, double gamma = 0.1)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        InitialRate = Rate(initialRate);
        Gamma = Positive(gamma);
        if (milestones.Count == 0)
        {
            throw new ArgumentException("milestones must contain at least one epoch, got an empty list.", nameof(milestones));
        }

        for (int i = 0; i < milestones.Count; i++)
        {
            if (milestones[i] < 0 || (i > 0 && milestones[i] < milestones[i - 1]))
            {
                throw new ArgumentException(
                    $"milestones must be non-negative and non-decreasing, got milestones[{i}] = {milestones[i]}" +
                    (i > 0 ? $" after {milestones[i - 1]}." : "."), nameof(milestones));
            }
        }

        this.milestones = milestones.ToArray();
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Factor applied at each milestone.</summary>
    public double Gamma { get; }

    /// <summary>The milestone epochs, in order.</summary>
    public IReadOnlyList<int> Milestones => milestones;

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"MultiStepLR(milestones=[{string.Join(",", milestones)}], gamma={F(Gamma)})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_0 \, \gamma^{\#\{m_i \le t\}}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        int passed = 0;
        foreach (int m in milestones)
        {
            if (m <= step)
            {
                passed++;
            }
        }

        return InitialRate * Math.Pow(Gamma, passed);
    }
}
