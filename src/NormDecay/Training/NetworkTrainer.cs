using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using NormDecay.Data;
using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Optimizers;
using NormDecay.Tensors;

namespace NormDecay.Training;

/// <summary>
/// The library's one training loop: mini-batch training of any <see cref="INetwork"/> (a <see cref="Sequential"/>
/// convolutional network, a dense network with layer or group normalization, an <see cref="Mlp"/>) with any
/// <see cref="IOptimizer"/> (<see cref="Sgd"/>, <see cref="Adam"/>) and softmax cross-entropy loss, recording a
/// <see cref="TrainingHistory"/>. Each step: forward (train mode) → loss → backward → optimizer step. After each epoch the
/// test set is evaluated in eval mode and the optimizer's epoch advances (schedules, plateau). <see cref="Trainer"/> runs
/// this loop for an <see cref="Mlp"/> and adds its per-layer statistics.
/// </summary>
/// <remarks>
/// Batches come from <see cref="MiniBatches"/> seeded by <see cref="TrainerOptions.Seed"/>, so a run is reproducible.
/// The steady-state loop allocates nothing per step except the history records: batch, label and gradient buffers are
/// reused (one per batch size, so the last partial batch has its own). A NaN or infinite loss stops the run and marks
/// <see cref="TrainingHistory.Diverged"/>.
/// </remarks>
public sealed class NetworkTrainer
{
    private static readonly LayerStatistics[] NoLayers = [];

    private readonly string owner;
    private readonly Func<IReadOnlyList<LayerStatistics>>? layerStatistics;

    /// <summary>A trainer of <paramref name="network"/> with <paramref name="optimizer"/>.</summary>
    /// <param name="network">The network (its parameters are updated in place).</param>
    /// <param name="optimizer">An optimizer over <c>network.Parameters</c>.</param>
    /// <param name="options">Epochs, batch size, seed (<see cref="TrainerOptions.LayerStatisticsEvery"/> is ignored: only <see cref="Trainer"/> records layer statistics).</param>
    public NetworkTrainer(INetwork network, IOptimizer optimizer, TrainerOptions options)
        : this(network, optimizer, options, nameof(NetworkTrainer), null)
    {
    }

    /// <summary>The loop as <see cref="Trainer"/> runs it: error messages name <paramref name="owner"/>, and <paramref name="layerStatistics"/> describes the last forward.</summary>
    internal NetworkTrainer(INetwork network, IOptimizer optimizer, TrainerOptions options, string owner, Func<IReadOnlyList<LayerStatistics>>? layerStatistics)
    {
        Network = network ?? throw new ArgumentNullException(nameof(network));
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        Options = options;
        this.owner = owner;
        this.layerStatistics = layerStatistics;
    }

    /// <summary>The network.</summary>
    public INetwork Network { get; }

    /// <summary>The optimizer.</summary>
    public IOptimizer Optimizer { get; }

    /// <summary>The options.</summary>
    public TrainerOptions Options { get; }

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
        int statisticsEvery = layerStatistics is null ? 0 : Options.LayerStatisticsEvery;
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
                IReadOnlyList<LayerStatistics>? stepLayers = statisticsEvery > 0 && step % statisticsEvery == 0 ? layerStatistics!() : null;
                if (!double.IsFinite(loss))
                {
                    history.StepList.Add(new StepRecord(step, epoch, loss, accuracy, Optimizer.LearningRate, clock.Elapsed.TotalSeconds, stepLayers));
                    history.Diverged = true;
                    history.DivergedAtStep = step;
                    history.TotalSeconds = clock.Elapsed.TotalSeconds;
                    return history;
                }

                Network.BackwardParameters(dLogits);
                lr = Optimizer.Step();
                history.StepList.Add(new StepRecord(step, epoch, loss, accuracy, lr, clock.Elapsed.TotalSeconds, stepLayers));
                lossSum += loss * n;
                correct += accuracy * n;
                seen += n;
                step++;
            }

            // The last training batch's forward is still in the network's buffers: its statistics describe the epoch's end.
            IReadOnlyList<LayerStatistics> epochLayers = layerStatistics?.Invoke() ?? NoLayers;
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

    /// <summary>
    /// Mean cross-entropy and accuracy on <paramref name="data"/> in eval mode, in chunks of at most <paramref name="chunk"/>
    /// rows (a data set that fits in one chunk is one forward pass over <c>data.X</c>).
    /// </summary>
    /// <exception cref="ArgumentException">When the data set does not match the network's input size.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="chunk"/> is not positive.</exception>
    public static (double Loss, double Accuracy) Evaluate(INetwork network, Dataset data, int chunk = 512)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunk);
        if (data.Count <= chunk)
        {
            Matrix<double> all = network.Forward(data.X, Mode.Eval);
            return (SoftmaxCrossEntropy.Compute(all, data.Labels, null), SoftmaxCrossEntropy.Accuracy(all, data.Labels));
        }

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
            throw new ArgumentException($"{owner}: {name} '{data.Name}' has {data.FeatureCount} features but the network {Network} expects {Network.InputSize}.", name);
        }

        if (data.ClassCount > Network.OutputSize)
        {
            throw new ArgumentException($"{owner}: {name} '{data.Name}' has {data.ClassCount} classes but the network {Network} has only {Network.OutputSize} outputs.", name);
        }
    }
}
