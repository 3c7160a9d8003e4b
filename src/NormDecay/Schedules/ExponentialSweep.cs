using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// The rate of a learning-rate range test: it grows geometrically from <see cref="MinRate"/> at iteration 0 to
/// <see cref="MaxRate"/> at iteration T - 1, and stays there after. Counts iterations (mini-batches).
/// </summary>
/// <remarks>
/// Formula: η_t = η_min (η_max/η_min)^(min(t, T-1)/(T-1)), so the rates are evenly spaced on a log axis.
/// Convention: the exponential sweep of fast.ai's <c>lr_find</c> (Smith's 2017 range test increases the rate linearly;
/// the exponential form spends as many steps on each decade of rates).
/// </remarks>
public sealed class ExponentialSweep : ISchedule
{
    /// <summary>Creates the sweep.</summary>
    /// <param name="minRate">η_min, finite and &gt; 0.</param>
    /// <param name="maxRate">η_max, finite and &gt; η_min.</param>
    /// <param name="steps">T ≥ 2, iterations of the sweep.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a value is out of range (the message names it).</exception>
    public ExponentialSweep(double minRate, double maxRate, int steps)
    {
        MinRate = Positive(minRate);
        MaxRate = Positive(maxRate);
        if (maxRate <= minRate)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRate), maxRate, $"maxRate must be larger than minRate ({F(minRate)}), got {F(maxRate)}.");
        }

        if (steps < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be at least 2, got {steps}.");
        }

        Steps = steps;
    }

    /// <summary>η_min, the rate of iteration 0.</summary>
    public double MinRate { get; }

    /// <summary>η_max, the rate of iteration T - 1.</summary>
    public double MaxRate { get; }

    /// <summary>T.</summary>
    public int Steps { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Iteration;

    /// <inheritdoc/>
    public string Name => $"ExponentialSweep({F(MinRate)} -> {F(MaxRate)}, {Steps})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_{min} \left(\frac{\eta_{max}}{\eta_{min}}\right)^{\min(t,\,T-1)/(T-1)}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return MinRate * Math.Pow(MaxRate / MinRate, Math.Min(step, Steps - 1) / (double)(Steps - 1));
    }
}
