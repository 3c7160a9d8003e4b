using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using NormDecay.Data;
using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Optimizers;
using NormDecay.Tensors;

namespace NormDecay.Training;

/// <summary>
/// Mini-batch training of an <see cref="Mlp"/> classifier with softmax cross-entropy and <see cref="Sgd"/>, recording
/// a <see cref="TrainingHistory"/>. Each step: forward (train mode) → loss → backward → optimizer step.
/// After each epoch the test set is evaluated in eval mode and the optimizer's epoch advances (schedules, plateau).
/// </summary>
/// <remarks>
/// Batches come from <see cref="MiniBatches"/> seeded by <see cref="TrainerOptions.Seed"/>, so a run is reproducible.
/// The steady-state loop allocates nothing per step except the history records: batch, label and gradient buffers are
/// reused (one per batch size, so the last partial batch has its own). A NaN or infinite loss stops the run and marks
/// <see cref="TrainingHistory.Diverged"/>.
/// </remarks>
/// <param name="network">The network to train (its parameters are updated in place).</param>
/// <param name="optimizer">An optimizer over <c>network.Parameters</c>.</param>
/// <param name="options">Epochs, batch size, seed, statistics frequency.</param>
public sealed class Trainer(Mlp network, Sgd optimizer, TrainerOptions options)
{
    /// <summary>The network.</summary>
    public Mlp Network { get; } = network ?? throw new ArgumentNullException(nameof(network));

    /// <summary>The optimizer.</summary>
    public Sgd Optimizer { get; } = optimizer ?? throw new ArgumentNullException(nameof(optimizer));

    /// <summary>The options.</summary>
    public TrainerOptions Options { get; } = options;

    /// <summary>Trains for <see cref="TrainerOptions.Epochs"/> epochs on <paramref name="train"/>, evaluating on <paramref name="test"/> when given.</summary>
    /// <exception cref="ArgumentException">When a data set's feature or class count does not match the network.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public TrainingHistory Fit(Dataset train, Dataset? test = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        Options.Validate();
        CheckMatches(train, nameof(train));
        if (test is not null)
        {
            CheckMatches(test, nameof(test));
        }

        var batches = new MiniBatches(train.Count, Options.BatchSize, new Random(Options.Seed), Options.Shuffle, Options.DropLast);
        var history = new TrainingHistory(Options.Epochs * batches.BatchesPerEpoch, Options.Epochs);
        var xBuffers = new RowBuffers(train.FeatureCount);
        var dLogitsBuffers = new RowBuffers(Network.OutputSize);
        var labels = new int[batches.BatchSize];
        var clock = Stopwatch.StartNew();
        int step = 0;

        for (int epoch = 0; epoch < Options.Epochs; epoch++)
        {
            double lossSum = 0, correct = 0, lr = 0;
            int seen = 0;
            // An index loop: foreach over the IReadOnlyList would allocate an enumerator every epoch.
            IReadOnlyList<ReadOnlyMemory<int>> epochBatches = batches.NextEpoch();
            for (int b = 0; b < epochBatches.Count; b++)
            {
                ReadOnlySpan<int> rows = epochBatches[b].Span;
                int n = rows.Length;
                Matrix<double> x = xBuffers.Get(n);
                Span<int> y = labels.AsSpan(0, n);
                MiniBatches.Gather(train, rows, x, y);

                Matrix<double> logits = Network.Forward(x, Mode.Train);
                Matrix<double> dLogits = dLogitsBuffers.Get(n);
                double loss = SoftmaxCrossEntropy.Compute(logits, y, dLogits);
                double accuracy = SoftmaxCrossEntropy.Accuracy(logits, y);
                bool record = Options.LayerStatisticsEvery > 0 && step % Options.LayerStatisticsEvery == 0;
                var layerStats = record ? LayerStatistics.Of(Network) : null;
                if (!double.IsFinite(loss))
                {
                    history.StepList.Add(new StepRecord(step, epoch, loss, accuracy, Optimizer.LearningRate, clock.Elapsed.TotalSeconds, layerStats));
                    history.Diverged = true;
                    history.DivergedAtStep = step;
                    history.TotalSeconds = clock.Elapsed.TotalSeconds;
                    return history;
                }

                Network.BackwardParameters(dLogits);
                lr = Optimizer.Step();
                history.StepList.Add(new StepRecord(step, epoch, loss, accuracy, lr, clock.Elapsed.TotalSeconds, layerStats));
                lossSum += loss * n;
                correct += accuracy * n;
                seen += n;
                step++;
            }

            // The last training batch's forward is still in the network's buffers: its statistics describe the epoch's end.
            var epochLayers = LayerStatistics.Of(Network);
            double? testLoss = null, testAccuracy = null;
            if (test is not null)
            {
                (double l, double a) = Evaluate(Network, test);
                (testLoss, testAccuracy) = (l, a);
            }

            Optimizer.EndEpoch(testLoss ?? lossSum / seen);
            history.EpochList.Add(new EpochRecord(
                epoch, lossSum / seen, correct / seen, testLoss, testAccuracy, lr, clock.Elapsed.TotalSeconds, epochLayers));
        }

        history.TotalSeconds = clock.Elapsed.TotalSeconds;
        return history;
    }

    /// <summary>Mean cross-entropy and accuracy of <paramref name="network"/> on <paramref name="data"/>, in eval mode (one forward pass).</summary>
    /// <exception cref="ArgumentException">When the data set does not match the network's input size.</exception>
    public static (double Loss, double Accuracy) Evaluate(Mlp network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        var logits = network.Forward(data.X, Mode.Eval);
        return (SoftmaxCrossEntropy.Compute(logits, data.Labels, null), SoftmaxCrossEntropy.Accuracy(logits, data.Labels));
    }

    private void CheckMatches(Dataset data, string name)
    {
        if (data.FeatureCount != Network.InputSize)
        {
            throw new ArgumentException($"Trainer: {name} '{data.Name}' has {data.FeatureCount} features but the network {Network} expects {Network.InputSize}.", name);
        }

        if (data.ClassCount > Network.OutputSize)
        {
            throw new ArgumentException($"Trainer: {name} '{data.Name}' has {data.ClassCount} classes but the network {Network} has only {Network.OutputSize} outputs.", name);
        }
    }
}
