namespace NormDecay.Schedules;

/// <summary>
/// Runs schedules one after another: schedule i is used from milestone <c>m_(i-1)</c> on, restarted at its own step 0.
/// <para>Formula: <c>lr(t) = s_i(t - m_(i-1))</c> with <c>i</c> = number of milestones <c>&lt;= t</c> (and <c>m_(-1) = 0</c>).</para>
/// <para>Convention: PyTorch <c>SequentialLR(schedulers, milestones)</c>: at a milestone it calls
/// <c>scheduler.step(0)</c>, which restarts a closed-form scheduler at epoch 0. Here each schedule carries its own
/// initial rate; in PyTorch they all share the optimizer's, so give them the same one to match. (PyTorch's
/// MultiplicativeLR has no closed form and continues from the current rate instead; wrap it last or not at all.)</para>
/// </summary>
public sealed class SequentialLR : ISchedule
{
    private readonly ISchedule[] schedules;
    private readonly int[] milestones;

    /// <summary>Creates the sequence.</summary>
    /// <param name="schedules">At least one schedule, all with the same <see cref="ISchedule.Unit"/>.</param>
    /// <param name="milestones">One fewer than the schedules; positive and strictly increasing.</param>
    /// <exception cref="ArgumentException">When the counts disagree, milestones are not increasing, or units differ.</exception>
    public SequentialLR(IReadOnlyList<ISchedule> schedules, IReadOnlyList<int> milestones)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(milestones);
        if (schedules.Count == 0)
        {
            throw new ArgumentException("schedules must contain at least one schedule, got none.", nameof(schedules));
        }

        if (milestones.Count != schedules.Count - 1)
        {
            throw new ArgumentException(
                $"milestones must have one entry fewer than schedules: got {schedules.Count} schedules and {milestones.Count} milestones.",
                nameof(milestones));
        }

        for (int i = 0; i < schedules.Count; i++)
        {
            if (schedules[i] is null)
            {
                throw new ArgumentException($"schedules[{i}] is null.", nameof(schedules));
            }

            if (schedules[i].Unit != schedules[0].Unit)
            {
                throw new ArgumentException(
                    $"schedules must share one step unit: schedules[0] ({schedules[0].Name}) counts {schedules[0].Unit}, " +
                    $"schedules[{i}] ({schedules[i].Name}) counts {schedules[i].Unit}.", nameof(schedules));
            }
        }

        for (int i = 0; i < milestones.Count; i++)
        {
            if (milestones[i] <= 0 || (i > 0 && milestones[i] <= milestones[i - 1]))
            {
                throw new ArgumentException(
                    $"milestones must be positive and strictly increasing, got milestones[{i}] = {milestones[i]}" +
                    (i > 0 ? $" after {milestones[i - 1]}." : "."), nameof(milestones));
            }
        }

        this.schedules = schedules.ToArray();
        this.milestones = milestones.ToArray();
    }

    /// <summary>The schedules in order.</summary>
    public IReadOnlyList<ISchedule> Schedules => schedules;

    /// <summary>The steps at which the next schedule takes over.</summary>
    public IReadOnlyList<int> Milestones => milestones;

    /// <inheritdoc/>
    public StepUnit Unit => schedules[0].Unit;

    /// <inheritdoc/>
    public string Name => $"SequentialLR([{string.Join(", ", schedules.Select(s => s.Name))}], milestones=[{string.Join(",", milestones)}])";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = s_i(t - m_{i-1}),\; i = \#\{m_j \le t\}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        ScheduleGuard.Step(step);
        int i = 0;
        while (i < milestones.Length && milestones[i] <= step)
        {
            i++;
        }

        int start = i == 0 ? 0 : milestones[i - 1];
        return schedules[i].LearningRate(step - start);
    }
}
