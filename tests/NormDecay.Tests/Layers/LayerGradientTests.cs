using MathNet.Numerics.LinearAlgebra;
using NormDecay.GradientChecking;
using NormDecay.Layers;

namespace NormDecay.Tests.Layers;

public class LayerGradientTests
{
    [Fact]
    public void DenseBackward_AnyInput_PassesGradientCheck()
    {
        var dense = new Dense(5, 3, Initializer.Xavier, new Random(1));
        dense.Bias.SetValues([0.1, -0.2, 0.3]);
        var report = GradientCheck.Layer(dense, TestData.Normal(6, 5, seed: 2), new Random(3));
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(["x", "dense.W", "dense.b"], report.Tensors.Select(t => t.Name));
    }

    [Theory]
    [InlineData(ActivationKind.ReLU)]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Sigmoid)]
    [InlineData(ActivationKind.Identity)]
    public void ActivationBackward_AnyInput_PassesGradientCheck(ActivationKind kind)
    {
        var report = GradientCheck.Layer(Activation.Create(kind, 4), TestData.Normal(5, 4, seed: 4, std: 2), new Random(5));
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void DenseForward_Computes_xW_plus_b()
    {
        var dense = new Dense(2, 2, Initializer.He, new Random(1));
        dense.Weights.SetSubMatrix(0, 0, Matrix<double>.Build.DenseOfRowArrays([[1.0, 2.0], [3.0, 4.0]]));
        dense.Bias.SetValues([10.0, 20.0]);
        var y = dense.Forward(Matrix<double>.Build.DenseOfRowArrays([[1.0, 1.0], [0.0, 2.0]]), Mode.Train);
        Assert.Equal([[14.0, 26.0], [16.0, 28.0]], y.ToRowArrays());
    }

    [Fact]
    public void DenseForward_WrongFeatureCount_NamesShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Dense(5, 3, Initializer.He, new Random(1)).Forward(TestData.Normal(2, 4, seed: 1), Mode.Train));
        Assert.Contains("Dense(5 -> 3) expects 5 features, got x of shape (2, 4)", ex.Message);
    }

    [Fact]
    public void Initializers_StandardDeviation_MatchesFormula()
    {
        Assert.Equal(Math.Sqrt(2.0 / 64), Initializer.He.Std(64, 128), 15);
        Assert.Equal(Math.Sqrt(2.0 / (64 + 128)), Initializer.Xavier.Std(64, 128), 15);
        Assert.Equal(0.01, Initializer.ScaledNormal(0.01).Std(64, 128));
        var w = new double[200 * 100];
        Initializer.He.Fill(w, 200, 100, new Random(7));
        double std = Math.Sqrt(w.Select(v => v * v).Average());
        Assert.InRange(std, 0.97 * Math.Sqrt(0.01), 1.03 * Math.Sqrt(0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => Initializer.ScaledNormal(-1));
    }

    [Fact]
    public void SoftmaxCrossEntropy_Gradient_PassesGradientCheck()
    {
        var logits = TestData.Normal(6, 4, seed: 8, std: 3);
        int[] labels = [0, 3, 2, 1, 1, 0];
        var (_, d) = SoftmaxCrossEntropy.Compute(logits, labels);
        double[] values = logits.AsColumnMajorArray();
        var check = GradientCheck.Compare("logits", values, d.ToColumnMajorArray(), () => SoftmaxCrossEntropy.Compute(logits, labels, null));
        Assert.True(check.Passed, check.ToString());
    }

    [Fact]
    public void SoftmaxCrossEntropy_HugeLogits_StableAndCorrect()
    {
        var logits = Matrix<double>.Build.DenseOfRowArrays([[1000.0, 0.0], [0.0, 1000.0]]);
        double loss = SoftmaxCrossEntropy.Compute(logits, [1, 1], null);
        Assert.Equal(500.0, loss, 9); // (1000 + 0) / 2: log-sum-exp, not exp overflow
        Assert.Equal(Math.Log(3), SoftmaxCrossEntropy.Compute(Matrix<double>.Build.Dense(1, 3), [2], null), 14);
        Assert.Equal(0.5, SoftmaxCrossEntropy.Accuracy(logits, [0, 0]));
    }

    [Fact]
    public void SoftmaxCrossEntropy_LabelOutOfRange_NamesPosition()
    {
        var ex = Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Compute(TestData.Normal(3, 4, seed: 1), [0, 4, 1]));
        Assert.Contains("labels[1] = 4", ex.Message);
    }

    [Fact]
    public void MeanSquaredError_Gradient_PassesGradientCheck()
    {
        var p = TestData.Normal(5, 2, seed: 9);
        var t = TestData.Normal(5, 2, seed: 10);
        var (loss, d) = MeanSquaredError.Compute(p, t);
        Assert.Equal((p - t).Enumerate().Select(e => e * e).Average(), loss, 14);
        var check = GradientCheck.Compare("p", p.AsColumnMajorArray(), d.ToColumnMajorArray(), () => MeanSquaredError.Compute(p, t, null));
        Assert.True(check.Passed, check.ToString());
    }

    [Fact]
    public void MeanSquaredError_ShapeMismatch_NamesShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => MeanSquaredError.Compute(TestData.Normal(5, 2, seed: 1), TestData.Normal(5, 3, seed: 1)));
        Assert.Contains("targets must have shape (5, 2), got (5, 3)", ex.Message);
    }
}
