namespace NormDecay.Schedules;

/// <summary>What the step of a schedule counts.</summary>
public enum StepUnit
{
    /// <summary>The step is the epoch number (PyTorch's usual <c>scheduler.step()</c> once per epoch).</summary>
    Epoch,

    /// <summary>The step is the mini-batch (iteration) number, as PyTorch's CyclicLR and OneCycleLR and Keras's schedules count.</summary>
    Iteration,
}

/// <summary>
/// A learning-rate schedule: a pure function from the step number (0, 1, 2, ...) to the learning rate.
/// Closed form, no state: <c>Enumerable.Range(0, n).Select(s.LearningRate)</c> plots it.
/// </summary>
public interface ISchedule
{
    /// <summary>The learning rate at <paramref name="step"/> (0-based; step 0 is the rate before the first update).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is negative.</exception>
    double LearningRate(int step);

    /// <summary>Whether <c>step</c> counts epochs or iterations.</summary>
    StepUnit Unit { get; }

    /// <summary>A short name for legends, e.g. <c>StepLR(step_size=30, gamma=0.1)</c>.</summary>
    string Name { get; }

    /// <summary>The formula in LaTeX, e.g. <c>\eta_t = \eta_0 \gamma^{\lfloor t / s \rfloor}</c>.</summary>
    string Formula { get; }
}
