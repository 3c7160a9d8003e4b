using MathNet.Numerics.LinearAlgebra;
using NormDecay.Data;
using NormDecay.Networks;
using NormDecay.Normalization;

namespace NormDecay.Tests.Networks;

public class PreciseBatchNormTests
{
    private static Dataset Data(int rows) =>
        new("t", TestData.Normal(rows, 4, seed: 7, mean: 2, std: 3), [.. Enumerable.Range(0, rows).Select(i => i % 3)], ["a", "b", "c", "d"], ["x", "y", "z"]);

    [Fact]
    public void RecomputeBatchNormStatistics_FirstLayer_IsTheCumulativeAverageOfItsBatchStatistics()
    {
        var data = Data(40);
        var network = new Mlp([4, 5, 3], new Random(1), placement: BnPlacement.BeforeActivation);
        int batches = network.RecomputeBatchNormStatistics(data, batchSize: 8, new Random(3));

        // Independently: the same shuffled batches, the first dense layer's outputs, mean and unbiased variance per batch, averaged.
        var order = new MiniBatches(40, 8, new Random(3)).NextEpoch();
        var dense = network.HiddenBlocks[0].Dense;
        var meanSum = new double[5];
        var varianceSum = new double[5];
        foreach (var rows in order)
        {
            var z = dense.Forward(data.Subset(rows.ToArray()).X, Mode.Eval);
            for (int j = 0; j < 5; j++)
            {
                double[] c = z.Column(j).ToArray();
                double mean = c.Average();
                meanSum[j] += mean;
                varianceSum[j] += c.Sum(v => (v - mean) * (v - mean)) / (c.Length - 1);
            }
        }

        var bn = network.HiddenBlocks[0].BatchNorm!;
        Assert.Equal(5, batches);
        for (int j = 0; j < 5; j++)
        {
            Assert.Equal(meanSum[j] / 5, bn.RunningMean[j], Tolerances.Algebraic);
            Assert.Equal(varianceSum[j] / 5, bn.RunningVariance[j], Tolerances.Algebraic);
        }
    }

    [Fact]
    public void RecomputeBatchNormStatistics_ReplacesStaleAveragesAndKeepsWeights()
    {
        var data = Data(64);
        var network = new Mlp([4, 6, 6, 3], new Random(1), placement: BnPlacement.BeforeActivation);
        var weights = network.Parameters.Select(p => (double[])p.Value.Clone()).ToArray();
        network.RecomputeBatchNormStatistics(data, 16, new Random(2));
        var once = network.HiddenBlocks.Select(b => b.BatchNorm!.RunningMean.Clone()).ToArray();

        // Stale statistics (as after training with other weights) are replaced, not blended in.
        foreach (var b in network.HiddenBlocks)
        {
            b.BatchNorm!.RunningMean.Clear();
            b.BatchNorm.RunningVariance.Clear();
        }

        network.RecomputeBatchNormStatistics(data, 16, new Random(2));
        for (int l = 0; l < once.Length; l++)
        {
            Assert.Equal(once[l].ToArray(), network.HiddenBlocks[l].BatchNorm!.RunningMean.ToArray());
        }

        Assert.All(network.Parameters.Zip(weights), p => Assert.Equal(p.Second, p.First.Value));
    }

    [Fact]
    public void RecomputeBatchNormStatistics_BiasedConvention_StoresBiasedVariance()
    {
        var data = Data(16);
        var network = new Mlp([4, 3, 3], new Random(1), placement: BnPlacement.BeforeActivation, batchNorm: BatchNormOptions.Keras);
        network.RecomputeBatchNormStatistics(data, 16, new Random(2));
        var z = network.HiddenBlocks[0].Dense.Forward(data.X, Mode.Eval);
        double mean = z.Column(0).Average();
        double biased = z.Column(0).Select(v => (v - mean) * (v - mean)).Average();
        Assert.Equal(biased, network.HiddenBlocks[0].BatchNorm!.RunningVariance[0], Tolerances.Algebraic);
    }

    [Fact]
    public void RecomputeBatchNormStatistics_BatchOfOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Mlp([4, 3, 3], new Random(1), placement: BnPlacement.BeforeActivation).RecomputeBatchNormStatistics(Data(8), 1, new Random(1)));

    [Fact]
    public void RecomputeBatchNormStatistics_WithoutBatchNorm_ChangesNothing() =>
        Assert.Equal(0, new Mlp([4, 3, 3], new Random(1)).RecomputeBatchNormStatistics(Data(8), 4, new Random(1)));
}
