using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Keras's piecewise constant schedule: <c>values[0]</c> while <c>t &lt;= boundaries[0]</c>, <c>values[i]</c> while
/// <c>boundaries[i-1] &lt; t &lt;= boundaries[i]</c>, <c>values[^1]</c> after the last boundary. Note the
/// <c>&lt;=</c>: the change happens one step <b>after</b> the boundary (PyTorch's MultiStepLR changes <b>at</b> it).
/// <para>Convention: <c>keras.optimizers.schedules.PiecewiseConstantDecay(boundaries, values)</c>, iterations.</para>
/// </summary>
public sealed class PiecewiseConstantDecay : ISchedule
{
    private readonly int[] boundaries;
    private readonly double[] values;

    /// <summary>Creates the schedule.</summary>
    /// <param name="boundaries">Strictly increasing, non-negative steps; at least one.</param>
    /// <param name="values">One more than the boundaries; finite, non-negative rates.</param>
    /// <exception cref="ArgumentException">When the lengths disagree or boundaries are not increasing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a value is negative or not finite.</exception>
    public PiecewiseConstantDecay(IReadOnlyList<int> boundaries, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(values);
        if (boundaries.Count == 0 || values.Count != boundaries.Count + 1)
        {
            throw new ArgumentException(
                $"values must have one more entry than boundaries (and boundaries at least one): got {boundaries.Count} boundaries and {values.Count} values.",
                nameof(values));
        }

        for (int i = 0; i < boundaries.Count; i++)
        {
            if (boundaries[i] < 0 || (i > 0 && boundaries[i] <= boundaries[i - 1]))
            {
                throw new ArgumentException(
                    $"boundaries must be non-negative and strictly increasing, got boundaries[{i}] = {boundaries[i]}" +
                    (i > 0 ? $" after {boundaries[i - 1]}." : "."), nameof(boundaries));
            }
        }

        for (int i = 0; i < values.Count; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v) || v < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(values), v, $"values[{i}] must be a finite, non-negative learning rate, got {F(v)}.");
            }
        }

        this.boundaries = boundaries.ToArray();
        this.values = values.ToArray();
    }

    /// <summary>The boundaries (last step of each piece but the final one).</summary>
    public IReadOnlyList<int> Boundaries => boundaries;

    /// <summary>The rate of each piece.</summary>
    public IReadOnlyList<double> Values => values;

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Iteration;

    /// <inheritdoc/>
    public string Name => $"PiecewiseConstantDecay(boundaries=[{string.Join(",", boundaries)}])";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = v_i,\; b_{i-1} < t \le b_i";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        int i = 0;
        while (i < boundaries.Length && step > boundaries[i])
        {
            i++;
        }

        return values[i];
    }
}
