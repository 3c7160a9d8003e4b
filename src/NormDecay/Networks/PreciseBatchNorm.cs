using MathNet.Numerics.LinearAlgebra;
using NormDecay.Data;
using NormDecay.Normalization;
using NormDecay.Tensors;

namespace NormDecay.Networks;

/// <summary>
/// "Precise BN" (Wu and Johnson 2021, "Rethinking 'Batch' in BatchNorm", section 3; fvcore's <c>update_bn_stats</c>):
/// after training, replace every batch normalization's running averages by the population statistics of the finished
/// network. One pass over the data in training mode, in mini-batches of the training size, folds each layer's batch
/// statistics into an equally weighted (cumulative) average, as PyTorch's <c>momentum=None</c> does, instead of the
/// exponential moving average whose early batches came from older weights.
/// </summary>
public static class PreciseBatchNorm
{
    /// <summary>
    /// Recomputes the running mean and variance of every batch normalization of <paramref name="network"/> from
    /// <paramref name="data"/>: r_μ = Σ_b n_b μ_b / Σ_b n_b and r_σ² = Σ_b n_b v_b / Σ_b n_b, where v_b is the batch variance
    /// the layer's own convention stores (unbiased, n_b/(n_b - 1) σ²_b, for PyTorch's default; biased for Keras).
    /// The weights, γ and β are not touched; <see cref="RunningMoments.NumBatchesTracked"/> counts the extra batches.
    /// </summary>
    /// <param name="network">The trained network; a network without batch normalization is left unchanged.</param>
    /// <param name="data">The data to take the statistics from, normally the training set.</param>
    /// <param name="batchSize">Mini-batch size, &gt;= 2 (use the training batch size: the statistics of a batch depend on it).</param>
    /// <param name="random">Shuffles the examples into batches (a class-sorted order would give class-biased batches).</param>
    /// <returns>How many batches were folded in.</returns>
    /// <exception cref="ArgumentException">The data's features do not match the network, or the batch size is below 2.</exception>
    public static int RecomputeBatchNormStatistics(this Mlp network, Dataset data, int batchSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(random);
        if (batchSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Precise BN needs batches of at least 2 examples (training mode).");
        }

        Guard.Features(data.X, network.InputSize, nameof(RecomputeBatchNormStatistics));
        var layers = network.HiddenBlocks.Select(b => b.BatchNorm).OfType<BatchNorm>().Where(b => b.RunningMoments.Enabled).ToArray();
        if (layers.Length == 0)
        {
            return 0;
        }

        var meanSums = layers.Select(b => new double[b.Features]).ToArray();
        var varianceSums = layers.Select(b => new double[b.Features]).ToArray();
        // dropLast: a last batch of one example cannot be normalized in training mode.
        var batches = new MiniBatches(data.Count, Math.Min(batchSize, data.Count), random, shuffle: true, dropLast: data.Count % batchSize == 1);
        var x = new RowBuffers(data.FeatureCount);
        var labels = new int[batches.BatchSize];
        long total = 0;
        int count = 0;
        foreach (var batch in batches.NextEpoch())
        {
            int n = batch.Length;
            Matrix<double> xb = x.Get(n);
            MiniBatches.Gather(data, batch.Span, xb, labels.AsSpan(0, n));
            network.Forward(xb, Mode.Train);
            for (int l = 0; l < layers.Length; l++)
            {
                double correction = layers[l].Options.UnbiasedRunningVariance ? n / (n - 1.0) : 1.0;
                for (int j = 0; j < layers[l].Features; j++)
                {
                    meanSums[l][j] += n * layers[l].BatchMean[j];
                    varianceSums[l][j] += n * correction * layers[l].BatchVariance[j];
                }
            }

            total += n;
            count++;
        }

        for (int l = 0; l < layers.Length; l++)
        {
            for (int j = 0; j < layers[l].Features; j++)
            {
                layers[l].RunningMean[j] = meanSums[l][j] / total;
                layers[l].RunningVariance[j] = varianceSums[l][j] / total;
            }
        }

        return count;
    }
}
