using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>
/// PyTorch's LinearLR: the multiplier moves linearly from <c>startFactor</c> to <c>endFactor</c> over
/// <c>totalIters</c> epochs, then stays at <c>endFactor</c>. With the defaults it is a linear warmup.
/// <para>Formula: <c>lr(t) = lr0 * (s + (e - s) * min(t, T) / T)</c>.</para>
/// <para>Convention: PyTorch <c>LinearLR(start_factor=1/3, end_factor=1.0, total_iters=5)</c>, per epoch.</para>
/// </summary>
public sealed class LinearLR : ISchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">lr0; finite, &gt;= 0.</param>
    /// <param name="startFactor">Multiplier at epoch 0; in (0, 1] (PyTorch default 1/3; 0 breaks PyTorch's recursive form).</param>
    /// <param name="endFactor">Multiplier from epoch <paramref name="totalIters"/> on; in [0, 1] (default 1).</param>
    /// <param name="totalIters">Epochs of the linear change; &gt; 0 (default 5).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public LinearLR(double initialRate, double startFactor = 1.0 / 3, double endFactor = 1.0, int totalIters = 5)
    {
        InitialRate = Rate(initialRate);
        StartFactor = InRange(startFactor, 0, 1, lowOpen: true);
        EndFactor = InRange(endFactor, 0, 1);
        TotalIters = Positive(totalIters);
    }

    /// <summary>lr0.</summary>
    public double InitialRate { get; }

    /// <summary>Multiplier at epoch 0.</summary>
    public double StartFactor { get; }

    /// <summary>Multiplier from <see cref="TotalIters"/> on.</summary>
    public double EndFactor { get; }

    /// <summary>Length of the linear part.</summary>
    public int TotalIters { get; }

    /// <inheritdoc/>
    public StepUnit Unit => StepUnit.Epoch;

    /// <inheritdoc/>
    public string Name => $"LinearLR(start={F(StartFactor)}, end={F(EndFactor)}, total_iters={TotalIters})";

    /// <inheritdoc/>
    public string Formula => @"\eta_t = \eta_0 \left(s + (e - s)\,\frac{\min(t, T)}{T}\right)";

    /// <inheritdoc/>
    public double LearningRate(int step)
    {
        Step(step);
        return InitialRate * (StartFactor + (EndFactor - StartFactor) * Math.Min(TotalIters, step) / TotalIters);
    }
}
