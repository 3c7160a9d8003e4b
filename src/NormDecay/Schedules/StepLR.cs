using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// Step decay: multiply the rate by <c>gamma</c> every <c>stepSize</c> epochs.
/// <para>Formula: <c>lr(t) = lr0 * gamma^floor(t / stepSize)</c>.</para>
/// <para>Convention: PyTorch <c>torch.optim.lr_scheduler.StepLR(step_size, gamma=0.1)</c>, stepped once per epoch;
/// this is its closed form (<c>_get_closed_form_lr</c>).</para>
/// </summary>
public sealed class StepLR : ISchedule
{
    /// <summary>Creates a step decay.</summary>
    /// <param name="initialRate">lr0, the rate for epochs 0 .. stepSize-1; finite, &gt;= 0.</param>
    /// <param name="stepSize">Epochs between decays; &gt; 0.</param>
    /// <param name="gamma">Multiplicative factor per decay; &gt; 0 (PyTorch default 0.1; values above 1 grow the rate).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range (the message names it).</exception>
    public StepLR(double initialRate, int stepSize, double gamma = 0.1)
    {
        InitialRate = Rate(initialRate);
        StepSize = Positive(stepSize);
        Gamma = Positive(gamma);
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>Factor applied at every decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"StepLR(step_size={StepSize}, gamma={F(Gamma)})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_0 \, \gamma^{\lfloor t / s \rfloor}";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return InitialRate * Math.Pow(Gamma, step / StepSize);
    }
}
