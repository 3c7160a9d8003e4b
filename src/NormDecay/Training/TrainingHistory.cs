namespace NormDecay.Training;

/// <summary>Everything a <see cref="Trainer"/> run recorded: one <see cref="StepRecord"/> per step, one <see cref="EpochRecord"/> per completed epoch.</summary>
public sealed class TrainingHistory
{
    internal TrainingHistory(int expectedSteps, int epochs)
    {
        StepList = new List<StepRecord>(expectedSteps);
        EpochList = new List<EpochRecord>(epochs);
    }

    /// <summary>Every step, in order (including the diverging one, if any).</summary>
    public IReadOnlyList<StepRecord> Steps => StepList;

    /// <summary>Every completed epoch, in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs => EpochList;

    /// <summary>True when a batch loss became NaN or infinite and training stopped there.</summary>
    public bool Diverged { get; internal set; }

    /// <summary>The step whose loss was not finite, or null when training did not diverge.</summary>
    public int? DivergedAtStep { get; internal set; }

    /// <summary>Wall-clock seconds of the whole run.</summary>
    public double TotalSeconds { get; internal set; }

    /// <summary>The last completed epoch, or null when none completed.</summary>
    public EpochRecord? Final => EpochList.Count > 0 ? EpochList[^1] : null;

    internal List<StepRecord> StepList { get; }

    internal List<EpochRecord> EpochList { get; }
}
