using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Andrew Ng's <c>alpha = k / sqrt(epochNum) * alpha0</c>, with the epoch number counted from 1:
/// <c>lr(t) = k / sqrt(t + 1) * alpha0</c> for the 0-based step t.
/// <para>Why <c>t + 1</c>: the lecture numbers epochs 1, 2, 3, ..., where the formula is finite; our steps start at 0,
/// where <c>1 / sqrt(0)</c> is infinite. Shifting by one keeps every value of the lecture (step 0 is its epoch 1,
/// rate <c>k alpha0</c>) and keeps the curve strictly decreasing; the alternative <c>max(t, 1)</c> would repeat the
/// first rate for two epochs.</para>
/// <para>Convention: deeplearning.ai, Improving Deep Neural Networks, week 2, "Other learning rate decay methods".</para>
/// </summary>
public sealed class NgSqrtDecay : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">alpha0; finite, &gt;= 0.</param>
    /// <param name="k">The constant; finite, &gt; 0 (default 1, so step 0 trains at alpha0).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public NgSqrtDecay(double initialRate, double k = 1.0)
    {
        InitialRate = Rate(initialRate);
        K = Positive(k);
    }

    /// <summary>alpha0.</summary>
    public double InitialRate { get; }

    /// <summary>The constant k.</summary>
    public double K { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"Ng {F(K)}/sqrt(t+1)";

    /// <inheritdoc/>
    public string Formula => @"\alpha = \frac{k}{\sqrt{t + 1}} \, \alpha_0";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return K / Math.Sqrt(step + 1.0) * InitialRate;
    }
}
