using NormDecay.GradientChecking;
using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Normalization;

namespace NormDecay.Tests.Networks;

public class MlpTests
{
    [Theory]
    [InlineData(BnPlacement.None, ActivationKind.ReLU)]
    [InlineData(BnPlacement.BeforeActivation, ActivationKind.ReLU)]
    [InlineData(BnPlacement.AfterActivation, ActivationKind.ReLU)]
    [InlineData(BnPlacement.BeforeActivation, ActivationKind.Tanh)]
    public void Backward_EveryPlacement_PassesGradientCheck(BnPlacement placement, ActivationKind activation)
    {
        var mlp = new Mlp([5, 7, 6, 3], new Random(1), activation, placement);
        var report = GradientCheck.Network(mlp, TestData.Normal(8, 5, seed: 2), [0, 1, 2, 0, 1, 2, 2, 1]);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(1 + mlp.Parameters.Count, report.Tensors.Count);
    }

    [Fact]
    public void Layers_PlacementBefore_DenseBnActOrder()
    {
        var mlp = new Mlp([4, 8, 8, 2], new Random(1), placement: BnPlacement.BeforeActivation);
        Assert.Equal(["Dense(4 -> 8)", "BatchNorm(8)", "ReLU(8)", "Dense(8 -> 8)", "BatchNorm(8)", "ReLU(8)", "Dense(8 -> 2)"], mlp.Layers.Select(l => l.Name));
        var after = new Mlp([4, 8, 2], new Random(1), placement: BnPlacement.AfterActivation);
        Assert.Equal(["Dense(4 -> 8)", "ReLU(8)", "BatchNorm(8)", "Dense(8 -> 2)"], after.Layers.Select(l => l.Name));
    }

    [Fact]
    public void Layers_AfterBatchNorm_InsertsTheLayerRightAfterEachBn()
    {
        var mlp = new Mlp([4, 8, 8, 2], new Random(1), placement: BnPlacement.BeforeActivation, afterBatchNorm: n => new NoiseInjection(n, new Random(2), 1, 2));
        Assert.Equal(["Dense(4 -> 8)", "BatchNorm(8)", "NoiseInjection(8)", "ReLU(8)", "Dense(8 -> 8)", "BatchNorm(8)", "NoiseInjection(8)", "ReLU(8)", "Dense(8 -> 2)"], mlp.Layers.Select(l => l.Name));
        var after = new Mlp([4, 8, 2], new Random(1), placement: BnPlacement.AfterActivation, afterBatchNorm: n => new Identity(n));
        Assert.Equal(["Dense(4 -> 8)", "ReLU(8)", "BatchNorm(8)", after.Layers[3].Name, "Dense(8 -> 2)"], after.Layers.Select(l => l.Name));
        var none = new Mlp([4, 8, 2], new Random(1), afterBatchNorm: n => new NoiseInjection(n, new Random(2), 1, 2));
        Assert.Equal(3, none.Layers.Count); // no BN, nothing inserted
    }

    [Fact]
    public void Constructor_AfterBatchNormOfWrongSize_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Mlp([4, 8, 2], new Random(1), placement: BnPlacement.BeforeActivation, afterBatchNorm: _ => new Identity(3)));
        Assert.Contains("size 8 -> 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_WithEvalIdentityAfterBn_PassesGradientCheck()
    {
        var mlp = new Mlp([5, 7, 3], new Random(1), placement: BnPlacement.BeforeActivation, afterBatchNorm: n => new Identity(n));
        var report = GradientCheck.Network(mlp, TestData.Normal(8, 5, seed: 2), [0, 1, 2, 0, 1, 2, 2, 1]);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void PreAndPostActivations_AfterForward_AreActivationInputAndOutput()
    {
        var mlp = new Mlp([4, 6, 3], new Random(1), placement: BnPlacement.BeforeActivation);
        mlp.Forward(TestData.Normal(10, 4, seed: 3), Mode.Train);
        var pre = mlp.PreActivations[0];
        var post = mlp.PostActivations[0];
        Assert.True(pre.Column(0).Average() is > -1e-12 and < 1e-12); // BN output, gamma 1 beta 0
        Assert.All(pre.Enumerate().Zip(post.Enumerate()), p => Assert.Equal(Math.Max(0, p.First), p.Second));
    }

    [Fact]
    public void Predict_AlwaysEval_DoesNotChangeRunningStatistics()
    {
        var mlp = new Mlp([4, 6, 3], new Random(1), placement: BnPlacement.BeforeActivation);
        mlp.Forward(TestData.Normal(10, 4, seed: 3), Mode.Train);
        var bn = mlp.HiddenBlocks[0].BatchNorm!;
        double before = bn.RunningMean[0];
        var single = mlp.Predict(TestData.Normal(1, 4, seed: 4)); // batch of one is fine in eval
        Assert.Equal(before, bn.RunningMean[0]);
        Assert.Equal(1, bn.NumBatchesTracked);
        Assert.Equal((1, 3), (single.RowCount, single.ColumnCount));
    }

    [Fact]
    public void Forward_SameSeed_SameWeightsAndOutput()
    {
        var x = TestData.Normal(5, 4, seed: 3);
        var a = new Mlp([4, 6, 3], new Random(42), batchNorm: BatchNormOptions.Keras).Predict(x);
        var b = new Mlp([4, 6, 3], new Random(42), batchNorm: BatchNormOptions.Keras).Predict(x);
        Assert.Equal(a.ToColumnMajorArray(), b.ToColumnMajorArray());
    }

    [Fact]
    public void Constructor_OneSize_ThrowsListingSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Mlp([4], new Random(1)));
        Assert.Contains("(4)", ex.Message);
    }
}
