namespace NormDecay.Training;

/// <summary>What happened in one optimizer step (one mini-batch), measured in training mode.</summary>
/// <param name="Step">0-based step (iteration) number over the whole run.</param>
/// <param name="Epoch">0-based epoch the step belongs to.</param>
/// <param name="Loss">Mean cross-entropy of the batch before the update (NaN/infinity when training diverged here).</param>
/// <param name="Accuracy">Fraction of the batch classified correctly before the update.</param>
/// <param name="LearningRate">The rate the update used.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds since the run started, after this step.</param>
/// <param name="Layers">Per hidden layer statistics when recorded this step (see <see cref="TrainerOptions.LayerStatisticsEvery"/>), else null.</param>
public readonly record struct StepRecord(
    int Step, int Epoch, double Loss, double Accuracy, double LearningRate, double ElapsedSeconds, IReadOnlyList<LayerStatistics>? Layers);
