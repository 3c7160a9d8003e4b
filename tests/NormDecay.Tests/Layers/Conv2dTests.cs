using MathNet.Numerics.LinearAlgebra;
using NormDecay.GradientChecking;
using NormDecay.Layers;
using static NormDecay.Tests.TorchReference;

namespace NormDecay.Tests.Layers;

/// <summary>Conv2d against PyTorch 1.13 nn.Conv2d (Reference/conv, float64 autograd) and finite differences.</summary>
public class Conv2dTests
{
    private static readonly TorchReference Reference = new("conv", "conv.json");

    private static Conv2d FromCase(System.Text.Json.JsonElement c)
    {
        var conv = new Conv2d(Shape(c.GetProperty("shape")), c.GetProperty("outChannels").GetInt32(), c.GetProperty("kernel").GetInt32(),
            new Random(0), stride: c.GetProperty("stride").GetInt32(), padding: c.GetProperty("padding").GetInt32());
        Vector(c.GetProperty("weight")).CopyTo(conv.WeightParameter.Value, 0);
        Vector(c.GetProperty("bias")).CopyTo(conv.BiasParameter.Value, 0);
        return conv;
    }

    [Theory]
    [InlineData("conv_pad1")]
    [InlineData("conv_stride2")]
    [InlineData("conv_1channel_8x8")]
    public void ForwardBackward_ReferenceCase_MatchesPyTorchConv2d(string name)
    {
        var c = Reference.Case(name);
        var conv = FromCase(c);
        Assert.Equal(Shape(c.GetProperty("outShape")), conv.Output);
        var y = conv.Forward(Matrix(c.GetProperty("x")), Mode.Train);
        AssertClose(Matrix(c.GetProperty("y")), y, $"{name} y");
        var dX = conv.Backward(Matrix(c.GetProperty("dOut")));
        AssertClose(Matrix(c.GetProperty("dX")), dX, $"{name} dX");
        AssertClose(Vector(c.GetProperty("dW")), conv.WeightParameter.Gradient, $"{name} dW");
        AssertClose(Vector(c.GetProperty("dB")), conv.BiasParameter.Gradient, $"{name} db");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(1, 2)]
    public void Backward_StrideAndPadding_PassesGradientCheck(int stride, int padding)
    {
        var conv = new Conv2d(new ImageShape(2, 5, 4), 3, 3, new Random(1), stride, padding);
        conv.Bias.SetValues([0.1, -0.2, 0.3]);
        var report = GradientCheck.Layer(conv, TestData.Normal(3, 40, seed: 2), new Random(3));
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Forward_KnownKernel_ComputesCrossCorrelation()
    {
        // 1 channel 3x3 input 1..9, 2x2 kernel [[1, 0], [0, -1]], no padding: y[i, j] = x[i, j] - x[i+1, j+1] = -4 everywhere.
        var conv = new Conv2d(new ImageShape(1, 3, 3), 1, 2, new Random(0));
        new double[] { 1, 0, 0, -1 }.CopyTo(conv.WeightParameter.Value, 0);
        var x = Matrix<double>.Build.DenseOfRowArrays([[1.0, 2, 3, 4, 5, 6, 7, 8, 9]]);
        Assert.Equal([-4.0, -4, -4, -4], conv.Forward(x, Mode.Eval).Row(0).ToArray());
    }

    [Fact]
    public void Forward_WrongFeatureCount_NamesShapes()
    {
        var conv = new Conv2d(new ImageShape(1, 8, 8), 4, 3, new Random(0), padding: 1);
        var ex = Assert.Throws<ArgumentException>(() => conv.Forward(TestData.Normal(2, 63, seed: 1), Mode.Train));
        Assert.Contains("expects 64 features, got x of shape (2, 63)", ex.Message);
    }

    [Fact]
    public void Forward_NaNInput_NamesTheEntry()
    {
        var x = TestData.Normal(2, 16, seed: 1);
        x[1, 5] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => new Conv2d(new ImageShape(1, 4, 4), 2, 3, new Random(0)).Forward(x, Mode.Train));
        Assert.Contains("x[1, 5]", ex.Message);
    }

    [Fact]
    public void Constructor_KernelLargerThanPaddedInput_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2d(new ImageShape(1, 2, 2), 1, 5, new Random(0), padding: 1));
        Assert.Contains("does not fit", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2d(new ImageShape(0, 2, 2), 1, 1, new Random(0)));
    }
}
