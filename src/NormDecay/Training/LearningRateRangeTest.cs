using MathNet.Numerics.LinearAlgebra;
using NormDecay.Data;
using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Optimizers;
using NormDecay.Schedules;
using NormDecay.Tensors;

namespace NormDecay.Training;

/// <summary>
/// Smith's learning-rate range test ("Cyclical Learning Rates for Training Neural Networks", 2017, section 3.3): train once
/// while the rate grows from tiny to huge and record the loss; the loss falls, flattens, then blows up. A good rate lies
/// where it still falls steeply, a maximum rate for a cyclical or one-cycle schedule just before the minimum
/// (a common rule of thumb is the rate at the minimum divided by 10).
/// </summary>
/// <remarks>
/// The rate follows <see cref="ExponentialSweep"/> over <see cref="RangeTestOptions.Steps"/> mini-batches (one pass by default);
/// the optimizer is built by the caller from that schedule, so SGD, SGD with momentum or Adam can be tested. The network's
/// parameters are changed by the sweep: build a fresh one for real training. Stops early when the smoothed loss exceeds
/// <see cref="RangeTestOptions.DivergenceFactor"/> times its minimum, or when a loss is NaN or infinite (that step is not recorded).
/// </remarks>
public static class LearningRateRangeTest
{
    /// <summary>Runs the sweep.</summary>
    /// <param name="network">The network to train during the sweep.</param>
    /// <param name="optimizer">Builds the optimizer from the sweep's schedule, e.g. <c>s =&gt; new Sgd(net.Parameters, s, momentum: 0.9)</c>.</param>
    /// <param name="train">Training data.</param>
    /// <param name="options">Range, batch size, steps, smoothing.</param>
    /// <exception cref="ArgumentException">When the data do not match the network.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public static RangeTestResult Run(INetwork network, Func<ISchedule, IOptimizer> optimizer, Dataset train, RangeTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(train);
        options.Validate();
        if (train.FeatureCount != network.InputSize)
        {
            throw new ArgumentException($"LearningRateRangeTest: '{train.Name}' has {train.FeatureCount} features but the network expects {network.InputSize}.", nameof(train));
        }

        var random = new Random(options.Seed);
        var batches = new MiniBatches(train.Count, options.BatchSize, random, shuffle: true, dropLast: true);
        int steps = options.Steps > 0 ? options.Steps : batches.BatchesPerEpoch;
        var sweep = new ExponentialSweep(options.MinRate, options.MaxRate, Math.Max(2, steps));
        var opt = optimizer(sweep);
        var x = Storage.Zeros(options.BatchSize, train.FeatureCount);
        var dLogits = Storage.Zeros(options.BatchSize, network.OutputSize);
        var labels = new int[options.BatchSize];
        var rates = new List<double>(steps);
        var losses = new List<double>(steps);
        var smoothed = new List<double>(steps);
        double average = 0, best = double.PositiveInfinity;
        bool stopped = false;
        var epoch = batches.NextEpoch();
        for (int t = 0, b = 0; t < steps; t++, b++)
        {
            if (b == epoch.Count)
            {
                (epoch, b) = (batches.NextEpoch(), 0);
            }

            MiniBatches.Gather(train, epoch[b].Span, x, labels);
            Matrix<double> logits = network.Forward(x, Mode.Train);
            double loss = SoftmaxCrossEntropy.Compute(logits, labels, dLogits);
            if (!double.IsFinite(loss))
            {
                stopped = true;
                break;
            }

            average = options.Smoothing * average + (1 - options.Smoothing) * loss;
            double corrected = average / (1 - Math.Pow(options.Smoothing, t + 1));
            rates.Add(opt.LearningRate);
            losses.Add(loss);
            smoothed.Add(corrected);
            best = Math.Min(best, corrected);
            if (t > 0 && corrected > options.DivergenceFactor * best)
            {
                stopped = true;
                break;
            }

            network.Backward(dLogits);
            opt.Step();
        }

        return new RangeTestResult([.. rates], [.. losses], [.. smoothed], stopped);
    }
}
