using MathNet.Numerics.LinearAlgebra;
using NormDecay.GradientChecking;
using NormDecay.Layers;
using static NormDecay.Tests.TorchReference;

namespace NormDecay.Tests.Layers;

/// <summary>MaxPool2d against PyTorch 1.13 nn.MaxPool2d(2) (Reference/conv) and finite differences.</summary>
public class MaxPool2dTests
{
    private static readonly TorchReference Reference = new("conv", "conv.json");

    [Fact]
    public void ForwardBackward_OddWidth_MatchesPyTorchMaxPool2d()
    {
        var c = Reference.Case("maxpool");
        var pool = new MaxPool2d(Shape(c.GetProperty("shape")), c.GetProperty("kernel").GetInt32());
        Assert.Equal(new ImageShape(2, 2, 2), pool.Output);
        AssertClose(Matrix(c.GetProperty("y")), pool.Forward(Matrix(c.GetProperty("x")), Mode.Train), "y");
        AssertClose(Matrix(c.GetProperty("dX")), pool.Backward(Matrix(c.GetProperty("dOut"))), "dX");
    }

    [Fact]
    public void Backward_DistinctValues_PassesGradientCheck()
    {
        var report = GradientCheck.Layer(new MaxPool2d(new ImageShape(2, 4, 4)), TestData.Normal(3, 32, seed: 4), new Random(5));
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Backward_Tie_SendsGradientToFirstMaximumOnly()
    {
        var pool = new MaxPool2d(new ImageShape(1, 2, 2));
        pool.Forward(Matrix<double>.Build.DenseOfRowArrays([[3.0, 3.0, 1.0, 3.0]]), Mode.Train);
        Assert.Equal([1.0, 0, 0, 0], pool.Backward(Matrix<double>.Build.DenseOfRowArrays([[1.0]])).Row(0).ToArray());
    }

    [Fact]
    public void Constructor_WindowLargerThanInput_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaxPool2d(new ImageShape(1, 2, 2), 3));
}
