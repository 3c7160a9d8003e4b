namespace NormDecay.Schedules;

/// <summary>
/// A stateful learning-rate policy that reacts to a measured metric (reduce-on-plateau).
/// Unlike <see cref="ISchedule"/> it is not a function of the step: the rate depends on the history
/// of <see cref="Observe"/> calls, so it cannot be plotted without running training.
/// </summary>
public interface IAdaptiveSchedule
{
    /// <summary>The learning rate to use now.</summary>
    double Current { get; }

    /// <summary>Reports the metric of the epoch that just ended (usually the validation loss) and returns the rate for the next epoch.</summary>
    /// <exception cref="ArgumentException">When <paramref name="metric"/> is NaN.</exception>
    double Observe(double metric);

    /// <summary>Restores the initial state (rate, best metric, counters).</summary>
    void Reset();

    /// <summary>A short name for legends.</summary>
    string Name { get; }
}
