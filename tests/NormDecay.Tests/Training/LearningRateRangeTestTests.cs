using NormDecay.Data;
using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Normalization;
using NormDecay.Optimizers;
using NormDecay.Training;

namespace NormDecay.Tests.Training;

public class LearningRateRangeTestTests
{
    private static Dataset Digits()
    {
        var data = Datasets.Digits();
        return data with { X = Standardizer.Fit(data.X).Transform(data.X) };
    }

    [Fact]
    public void Run_WideSweep_LossFallsThenDivergesAndStopsEarly()
    {
        var data = Digits();
        var net = new Mlp([64, 32, 10], new Random(1));
        var result = LearningRateRangeTest.Run(net, s => new Sgd(net.Parameters, s), data,
            new RangeTestOptions { MinRate = 1e-4, MaxRate = 100, Steps = 200 });
        Assert.True(result.StoppedEarly);
        Assert.True(result.Rates.Length < 200);
        Assert.Equal(1e-4, result.Rates[0], 15);
        for (int t = 1; t < result.Rates.Length; t++)
        {
            Assert.Equal(Math.Pow(1e6, 1.0 / 199), result.Rates[t] / result.Rates[t - 1], 10);   // geometric steps
        }

        Assert.True(result.SmoothedLosses.Min() < 0.5 * result.SmoothedLosses[0]);
        Assert.InRange(result.RateAtMinimum, 1e-2, 20);
        Assert.True(result.SteepestRate < result.RateAtMinimum);
    }

    [Fact]
    public void Run_DefaultSteps_IsOnePassOfFullBatches()
    {
        var data = Digits();
        var net = new Mlp([64, 16, 10], new Random(1));
        var result = LearningRateRangeTest.Run(net, s => new Adam(net.Parameters, s), data, new RangeTestOptions { MaxRate = 1e-2, BatchSize = 64 });
        Assert.Equal(data.Count / 64, result.Rates.Length);
        Assert.False(result.StoppedEarly);
    }

    [Theory]
    [InlineData(1e-3, 1e-4, 32, 0, 0.98)]
    [InlineData(1e-4, 1.0, 1, 0, 0.98)]
    [InlineData(1e-4, 1.0, 32, 1, 0.98)]
    [InlineData(1e-4, 1.0, 32, 0, 1.0)]
    public void Options_OutOfRange_Throw(double min, double max, int batch, int steps, double smoothing) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RangeTestOptions { MinRate = min, MaxRate = max, BatchSize = batch, Steps = steps, Smoothing = smoothing }.Validate());
}
