using NormDecay.GradientChecking;
using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Normalization;

namespace NormDecay.Tests.Networks;

public class SequentialTests
{
    internal static Sequential SmallConvNet(bool batchNorm, int seed = 1)
    {
        var random = new Random(seed);
        var image = new ImageShape(1, 4, 4);
        var conv = new Conv2d(image, 2, 3, random, padding: 1);
        var layers = new List<ILayer> { conv };
        if (batchNorm)
        {
            layers.Add(new BatchNorm2d(conv.Output));
        }

        layers.Add(new ReLU(conv.Output.Size));
        var pool = new MaxPool2d(conv.Output);
        layers.Add(pool);
        layers.Add(new Dense(pool.Output.Size, 3, Initializer.He, random));
        return new Sequential(layers);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Backward_ConvBnReluPoolDense_PassesGradientCheck(bool batchNorm)
    {
        var net = SmallConvNet(batchNorm);
        var report = GradientCheck.Network(net, TestData.Normal(4, 16, seed: 2), [0, 1, 2, 1]);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(batchNorm ? 7 : 5, report.Tensors.Count);   // x, conv W/b, [bn γ/β], dense W/b
    }

    [Fact]
    public void Constructor_MismatchedNeighbours_NamesBothLayers()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Sequential(new Dense(4, 3, Initializer.He, new Random(0)), new ReLU(5)));
        Assert.Contains("layer 0 Dense(4 -> 3) outputs 3 features but layer 1 ReLU(5) expects 5", ex.Message);
        Assert.Throws<ArgumentException>(() => new Sequential());
    }

    [Fact]
    public void PredictClasses_EvalMode_UsesRunningStatistics()
    {
        var net = SmallConvNet(batchNorm: true);
        var x = TestData.Normal(5, 16, seed: 3);
        var first = net.PredictClasses(x);
        Assert.Equal(first, net.PredictClasses(x));   // eval mode changes no running statistic
        Assert.Equal(0, ((BatchNorm2d)net.Layers[1]).NumBatchesTracked);
    }
}
