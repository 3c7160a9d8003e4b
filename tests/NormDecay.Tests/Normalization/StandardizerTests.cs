using MathNet.Numerics.LinearAlgebra;
using NormDecay.Normalization;

namespace NormDecay.Tests.Normalization;

public class StandardizerTests
{
    [Fact]
    public void Transform_TrainingData_MeanZeroPopulationStdOne()
    {
        var x = TestData.Normal(50, 3, seed: 21, mean: 10, std: 4);
        var z = Standardizer.Fit(x).Transform(x);
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(0, z.Column(j).Average(), 12);
            Assert.Equal(1, Math.Sqrt(z.Column(j).Select(v => v * v).Average()), 12); // population std (N), as scikit-learn
        }
    }

    [Fact]
    public void CenterThenScaleOnly_EqualsTransform_AndInverseRestores()
    {
        var x = TestData.Normal(20, 4, seed: 22, mean: -3, std: 7);
        var s = Standardizer.Fit(x);
        var twoSteps = s.ScaleOnly(s.Center(x));
        Assert.True((twoSteps - s.Transform(x)).Enumerate().Max(Math.Abs) < 1e-12);
        Assert.True((s.InverseTransform(s.Transform(x)) - x).Enumerate().Max(Math.Abs) < 1e-12);
        Assert.Equal(x.Column(0).Average(), s.Mean[0], 12);
    }

    [Fact]
    public void Fit_ConstantFeature_ScaleOne()
    {
        var x = Matrix<double>.Build.DenseOfRowArrays([[1.0, 5.0], [3.0, 5.0], [5.0, 5.0]]);
        var s = Standardizer.Fit(x);
        Assert.Equal(1.0, s.Scale[1]);
        Assert.Equal(Math.Sqrt(8.0 / 3.0), s.Scale[0], 14);
        Assert.All(s.Transform(x).Column(1), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Transform_WrongFeatureCount_NamesShape()
    {
        var s = Standardizer.Fit(TestData.Normal(5, 3, seed: 1));
        var ex = Assert.Throws<ArgumentException>(() => s.Transform(TestData.Normal(2, 4, seed: 1)));
        Assert.Contains("expects 3 features, got x of shape (2, 4)", ex.Message);
    }

    [Fact]
    public void Fit_InfinityInput_NamesPosition()
    {
        var x = TestData.Normal(5, 3, seed: 1);
        x[4, 1] = double.PositiveInfinity;
        var ex = Assert.Throws<ArgumentException>(() => Standardizer.Fit(x));
        Assert.Contains("row 4, column 1", ex.Message);
    }
}
