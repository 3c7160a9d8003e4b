using NormDecay.GradientChecking;
using NormDecay.Layers;
using NormDecay.Normalization;
using static NormDecay.Tests.TorchReference;

namespace NormDecay.Tests.Normalization;

/// <summary>GroupNorm against PyTorch 1.13 nn.GroupNorm (Reference/conv, float64 autograd), finite differences and its special cases.</summary>
public class GroupNormTests
{
    private static readonly TorchReference Reference = new("conv", "conv.json");

    [Theory]
    [InlineData("groupnorm_g2")]
    [InlineData("groupnorm_g1")]
    [InlineData("groupnorm_instance")]
    [InlineData("groupnorm_dense")]
    public void ForwardBackward_ReferenceCase_MatchesPyTorchGroupNorm(string name)
    {
        var c = Reference.Case(name);
        var gn = new GroupNorm(c.GetProperty("groups").GetInt32(), Shape(c.GetProperty("shape")));
        Vector(c.GetProperty("gamma")).CopyTo(gn.Gamma.AsArray(), 0);
        Vector(c.GetProperty("beta")).CopyTo(gn.Beta.AsArray(), 0);
        AssertClose(Matrix(c.GetProperty("y")), gn.Forward(Matrix(c.GetProperty("x")), Mode.Train), $"{name} y");
        AssertClose(Matrix(c.GetProperty("dX")), gn.Backward(Matrix(c.GetProperty("dOut"))), $"{name} dX");
        AssertClose(Vector(c.GetProperty("dGamma")), gn.GammaGradient, $"{name} dGamma");
        AssertClose(Vector(c.GetProperty("dBeta")), gn.BetaGradient, $"{name} dBeta");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Backward_AnyGroupCount_PassesGradientCheck(int groups)
    {
        var gn = new GroupNorm(groups, new ImageShape(4, 2, 1));
        gn.Gamma.SetValues([1.5, 0.5, -1.0, 2.0]);
        gn.Beta.SetValues([0.1, 0.2, 0.3, -0.4]);
        var report = GradientCheck.Layer(gn, TestData.Normal(3, 8, seed: 8, std: 2), new Random(9));
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Forward_OneGroupDenseFeatures_EqualsLayerNorm()
    {
        var x = TestData.Normal(5, 6, seed: 3, mean: 2, std: 4);
        var gn = new GroupNorm(1, new ImageShape(6, 1, 1));
        var ln = new LayerNorm(6);
        AssertClose(ln.Forward(x, Mode.Train), gn.Forward(x, Mode.Train), "GroupNorm(1) vs LayerNorm");
    }

    [Fact]
    public void Forward_AnExample_DoesNotDependOnTheRestOfTheBatch()
    {
        var gn = new GroupNorm(2, new ImageShape(4, 2, 2));
        var x = TestData.Normal(6, 16, seed: 4);
        var alone = gn.Forward(x.SubMatrix(2, 1, 0, 16), Mode.Train).Row(0).ToArray();
        var inBatch = gn.Forward(x, Mode.Train).Row(2).ToArray();
        AssertClose(alone, inBatch, "row 2 alone vs in its batch");
    }

    [Fact]
    public void Constructor_GroupsNotDividingChannels_ThrowsPyTorchMessage()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GroupNorm(3, new ImageShape(4, 1, 1)));
        Assert.Contains("num_channels must be divisible by num_groups", ex.Message);
    }

    [Fact]
    public void Forward_InfiniteInput_Throws()
    {
        var x = TestData.Normal(2, 4, seed: 1);
        x[1, 2] = double.PositiveInfinity;
        Assert.Throws<ArgumentException>(() => new GroupNorm(2, new ImageShape(4, 1, 1)).Forward(x, Mode.Train));
    }
}
