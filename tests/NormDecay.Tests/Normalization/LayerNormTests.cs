using NormDecay.GradientChecking;
using NormDecay.Normalization;

namespace NormDecay.Tests.Normalization;

public class LayerNormTests
{
    [Fact]
    public void Backward_AnyInput_PassesGradientCheck()
    {
        var ln = new LayerNorm(6);
        ln.Gamma.SetValues([0.5, 1.5, 2.0, -1.0, 0.8, 1.1]);
        ln.Beta.SetValues([0.1, -0.2, 0.3, 0.0, 1.0, 0.5]);
        var report = GradientCheck.Layer(ln, TestData.Normal(5, 6, seed: 11, mean: 1, std: 2), new Random(12));
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Forward_TrainAndEval_SameOutputAndRowsNormalized()
    {
        var x = TestData.Normal(4, 8, seed: 13, mean: 3, std: 2);
        var ln = new LayerNorm(8);
        var train = ln.Forward(x, Mode.Train);
        var eval = ln.Forward(x, Mode.Eval);
        Assert.Equal(train.ToColumnMajorArray(), eval.ToColumnMajorArray());
        for (int i = 0; i < 4; i++)
        {
            var row = train.Row(i);
            Assert.True(Math.Abs(row.Average()) < 1e-12);
            Assert.True(Math.Abs(row.Select(v => v * v).Average() - 1) < Tolerances.Moments);
        }
    }

    [Fact]
    public void Forward_BatchOfOne_Works()
    {
        var y = new LayerNorm(3).Forward(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays([[1.0, 2.0, 3.0]]), Mode.Train);
        Assert.Equal(-Math.Sqrt(1.5), y[0, 0], 4);
    }

    [Fact]
    public void Forward_WrongFeatureCount_NamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LayerNorm(5).Forward(TestData.Normal(2, 3, seed: 1), Mode.Train));
        Assert.Contains("LayerNorm(5) expects 5 features, got x of shape (2, 3)", ex.Message);
    }
}
