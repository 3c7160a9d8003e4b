using MathNet.Numerics.LinearAlgebra;
using NormDecay.GradientChecking;
using NormDecay.Layers;
using NormDecay.Normalization;
using static NormDecay.Tests.TorchReference;

namespace NormDecay.Tests.Normalization;

/// <summary>BatchNorm2d against PyTorch 1.13 nn.BatchNorm2d (Reference/conv, float64 autograd) and finite differences.</summary>
public class BatchNorm2dTests
{
    private static readonly TorchReference Reference = new("conv", "conv.json");

    [Fact]
    public void ForwardBackwardRunningStats_ThreeBatches_MatchPyTorchBatchNorm2d()
    {
        var c = Reference.Case("batchnorm2d");
        var bn = new BatchNorm2d(Shape(c.GetProperty("shape")));
        Vector(c.GetProperty("gamma")).CopyTo(bn.Gamma.AsArray(), 0);
        Vector(c.GetProperty("beta")).CopyTo(bn.Beta.AsArray(), 0);
        int b = 0;
        foreach (var batch in c.GetProperty("batches").EnumerateArray())
        {
            AssertClose(Matrix(batch.GetProperty("y")), bn.Forward(Matrix(batch.GetProperty("x")), Mode.Train), $"batch {b} y");
            AssertClose(Matrix(batch.GetProperty("dX")), bn.Backward(Matrix(batch.GetProperty("dOut"))), $"batch {b} dX");
            AssertClose(Vector(batch.GetProperty("dGamma")), bn.GammaGradient, $"batch {b} dGamma");
            AssertClose(Vector(batch.GetProperty("dBeta")), bn.BetaGradient, $"batch {b} dBeta");
            AssertClose(Vector(batch.GetProperty("runningMean")), bn.RunningMean, $"batch {b} running mean");
            AssertClose(Vector(batch.GetProperty("runningVar")), bn.RunningVariance, $"batch {b} running var (unbiased over N*H*W)");
            Assert.Equal(batch.GetProperty("numBatchesTracked").GetInt32(), bn.NumBatchesTracked);
            b++;
        }

        AssertClose(Matrix(c.GetProperty("evalY")), bn.Forward(Matrix(c.GetProperty("evalX")), Mode.Eval), "eval y");
    }

    [Fact]
    public void Forward_Train_NormalizesEachChannelOverBatchAndSpace()
    {
        var shape = new ImageShape(2, 3, 3);
        var x = TestData.Normal(4, shape.Size, seed: 7, mean: 5, std: 3);
        var bn = new BatchNorm2d(shape);
        var y = bn.Forward(x, Mode.Train);
        for (int ch = 0; ch < 2; ch++)
        {
            var values = Enumerable.Range(ch * 9, 9).SelectMany(j => y.Column(j)).ToArray();
            Assert.Equal(36, values.Length);
            Assert.Equal(0.0, values.Average(), 12);
            Assert.Equal(1.0, values.Select(v => v * v).Average(), 3);
        }
    }

    [Fact]
    public void Backward_Train_PassesGradientCheck()
    {
        var bn = new BatchNorm2d(new ImageShape(3, 2, 2));
        bn.Gamma.SetValues([1.5, 0.5, -1.0]);
        bn.Beta.SetValues([0.1, 0.2, 0.3]);
        var report = GradientCheck.Layer(bn, TestData.Normal(3, 12, seed: 8, std: 2), new Random(9));
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Forward_OneExampleManyPositions_TrainsAsPyTorch()
    {
        var bn = new BatchNorm2d(new ImageShape(2, 4, 4));
        var y = bn.Forward(TestData.Normal(1, 32, seed: 1), Mode.Train);
        Assert.Equal(0.0, y.Row(0).SubVector(0, 16).Average(), 12);
    }

    [Fact]
    public void Forward_OneValuePerChannelInTraining_ThrowsPyTorchMessage()
    {
        var bn = new BatchNorm2d(new ImageShape(3, 1, 1));
        var ex = Assert.Throws<ArgumentException>(() => bn.Forward(TestData.Normal(1, 3, seed: 1), Mode.Train));
        Assert.Contains("Expected more than 1 value per channel when training, got input size [1, 3, 1, 1]", ex.Message);
        bn.Forward(TestData.Normal(1, 3, seed: 1), Mode.Eval);   // eval uses the running statistics: fine
    }

    [Fact]
    public void Forward_NaNInput_Throws()
    {
        var x = TestData.Normal(2, 8, seed: 1);
        x[0, 3] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => new BatchNorm2d(new ImageShape(2, 2, 2)).Forward(x, Mode.Train));
        Assert.Contains("NaN", ex.Message);
    }

    [Fact]
    public void Forward_WrongShape_NamesBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatchNorm2d(new ImageShape(2, 2, 2)).Forward(TestData.Normal(2, 6, seed: 1), Mode.Train));
        Assert.Contains("expects 8 features, got x of shape (2, 6)", ex.Message);
    }
}
