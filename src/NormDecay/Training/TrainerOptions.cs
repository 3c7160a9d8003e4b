namespace NormDecay.Training;

/// <summary>Settings of a <see cref="Trainer"/> run. <c>new TrainerOptions()</c> gives the defaults listed on each property.</summary>
public readonly record struct TrainerOptions()
{
    /// <summary>Passes over the training set; default 10; &gt;= 1.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Examples per mini-batch; default 32; &gt;= 2 when the network has batch normalization.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Shuffle the training set every epoch (default true).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Drop the last, smaller batch of an epoch (PyTorch <c>drop_last</c>); default false.</summary>
    public bool DropLast { get; init; }

    /// <summary>Seed of the shuffling <see cref="Random"/>; the same seed gives the same batches (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Record layer statistics in the step history every this many steps; 0 (default) = only at the end of each epoch.</summary>
    public int LayerStatisticsEvery { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the offending property.</exception>
    public void Validate()
    {
        if (Epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, $"TrainerOptions.Epochs must be >= 1, got {Epochs}.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"TrainerOptions.BatchSize must be >= 1, got {BatchSize}.");
        }

        if (LayerStatisticsEvery < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LayerStatisticsEvery), LayerStatisticsEvery, $"TrainerOptions.LayerStatisticsEvery must be >= 0, got {LayerStatisticsEvery}.");
        }
    }
}
