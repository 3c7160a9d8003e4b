using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using NormDecay.Data;
using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Optimizers;
using NormDecay.Tensors;

namespace NormDecay.Training;

/// <summary>
/// Mini-batch training of any <see cref="INetwork"/> (a <see cref="Sequential"/> convolutional network, a dense network with
/// layer or group normalization, an <see cref="Mlp"/>) with any <see cref="IOptimizer"/> (<see cref="Sgd"/>, <see cref="Adam"/>),
/// softmax cross-entropy loss. The same loop as <see cref="Trainer"/> (forward in train mode → loss → backward → step; eval
/// on the test set after each epoch), without the per-layer statistics that only an <see cref="Mlp"/> has.
/// </summary>
/// <remarks>Batches come from <see cref="MiniBatches"/> seeded by <see cref="TrainerOptions.Seed"/>. A NaN or infinite loss
/// stops the run and marks <see cref="TrainingHistory.Diverged"/>.</remarks>
/// <param name="network">The network (its parameters are updated in place).</param>
/// <param name="optimizer">An optimizer over <c>network.Parameters</c>.</param>
/// <param name="options">Epochs, batch size, seed.</param>
public sealed class NetworkTrainer(INetwork network, IOptimizer optimizer, TrainerOptions options)
{
    private static readonly LayerStatistics[] NoLayers = [];

    /// <summary>The network.</summary>
    public INetwork Network { get; } = network ?? throw new ArgumentNullException(nameof(network));

    /// <summary>The optimizer.</summary>
    public IOptimizer Optimizer { get; } = optimizer ?? throw new ArgumentNullException(nameof(optimizer));

    /// <summary>The options (<see cref="TrainerOptions.LayerStatisticsEvery"/> is ignored).</summary>
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
            foreach (var batch in batches.NextEpoch())
            {
                ReadOnlySpan<int> rows = batch.Span;
                int n = rows.Length;
                Matrix<double> x = xBuffers.Get(n);
                Span<int> y = labels.AsSpan(0, n);
                MiniBatches.Gather(train, rows, x, y);
                Matrix<double> logits = Network.Forward(x, Mode.Train);
                Matrix<double> dLogits = dLogitsBuffers.Get(n);
                double loss = SoftmaxCrossEntropy.Compute(logits, y, dLogits);
                double accuracy = SoftmaxCrossEntropy.Accuracy(logits, y);
                if (!double.IsFinite(loss))
                {
                    history.StepList.Add(new StepRecord(step, epoch, loss, accuracy, Optimizer.LearningRate, clock.Elapsed.TotalSeconds, null));
                    history.Diverged = true;
                    history.DivergedAtStep = step;
                    history.TotalSeconds = clock.Elapsed.TotalSeconds;
                    return history;
                }

                Network.Backward(dLogits);
                lr = Optimizer.Step();
                history.StepList.Add(new StepRecord(step, epoch, loss, accuracy, lr, clock.Elapsed.TotalSeconds, null));
                lossSum += loss * n;
                correct += accuracy * n;
                seen += n;
                step++;
            }

            double? testLoss = null, testAccuracy = null;
            if (test is not null)
            {
                (double l, double a) = Evaluate(Network, test);
                (testLoss, testAccuracy) = (l, a);
            }

            Optimizer.EndEpoch(testLoss ?? lossSum / seen);
            history.EpochList.Add(new EpochRecord(epoch, lossSum / seen, correct / seen, testLoss, testAccuracy, lr, clock.Elapsed.TotalSeconds, NoLayers));
        }

        history.TotalSeconds = clock.Elapsed.TotalSeconds;
        return history;
    }

    /// <summary>Mean cross-entropy and accuracy on <paramref name="data"/> in eval mode, in chunks of at most <paramref name="chunk"/> rows.</summary>
    /// <exception cref="ArgumentException">When the data set does not match the network's input size.</exception>
    public static (double Loss, double Accuracy) Evaluate(INetwork network, Dataset data, int chunk = 512)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunk);
        double loss = 0, correct = 0;
        for (int start = 0; start < data.Count; start += chunk)
        {
            int n = Math.Min(chunk, data.Count - start);
            var x = data.X.SubMatrix(start, n, 0, data.FeatureCount);
            ReadOnlySpan<int> y = data.Labels.AsSpan(start, n);
            var logits = network.Forward(x, Mode.Eval);
            loss += SoftmaxCrossEntropy.Compute(logits, y, null) * n;
            correct += SoftmaxCrossEntropy.Accuracy(logits, y) * n;
        }

        return (loss / data.Count, correct / data.Count);
    }

    private void CheckMatches(Dataset data, string name)
    {
        if (data.FeatureCount != Network.InputSize)
        {
            throw new ArgumentException($"NetworkTrainer: {name} '{data.Name}' has {data.FeatureCount} features but the network {Network} expects {Network.InputSize}.", name);
        }

        if (data.ClassCount > Network.OutputSize)
        {
            throw new ArgumentException($"NetworkTrainer: {name} '{data.Name}' has {data.ClassCount} classes but the network {Network} has only {Network.OutputSize} outputs.", name);
        }
    }
}
