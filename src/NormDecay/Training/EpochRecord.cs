namespace NormDecay.Training;

/// <summary>Summary of one completed epoch.</summary>
/// <param name="Epoch">0-based epoch number.</param>
/// <param name="TrainLoss">Mean of the epoch's batch losses (training mode, weighted by batch size), as PyTorch tutorials report it.</param>
/// <param name="TrainAccuracy">Fraction of training examples classified correctly during the epoch (training mode, before each update).</param>
/// <param name="TestLoss">Cross-entropy on the test set in eval mode after the epoch, or null without a test set.</param>
/// <param name="TestAccuracy">Accuracy on the test set in eval mode after the epoch, or null without a test set.</param>
/// <param name="LearningRate">The rate used by the epoch's last step.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds since the run started, at the end of the epoch (evaluation included).</param>
/// <param name="Layers">Per hidden layer statistics of the epoch's last training batch.</param>
public sealed record EpochRecord(
    int Epoch, double TrainLoss, double TrainAccuracy, double? TestLoss, double? TestAccuracy, double LearningRate,
    double ElapsedSeconds, IReadOnlyList<LayerStatistics> Layers);
