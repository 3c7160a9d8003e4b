using NormDecay.Data;
using NormDecay.Surfaces;

namespace NormDecay.Tests.Surfaces;

public class LogisticSurfaceTests
{
    private static LogisticSurface Wine(bool standardize) =>
        LogisticSurface.FromDataset(Datasets.Wine(), "alcohol", "malic_acid", positiveClass: 0, standardize);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gradient_AnyPoint_MatchesFiniteDifferences(bool standardize)
    {
        LogisticSurface s = Wine(standardize);
        foreach (var (x, y) in new[] { (0.0, 0.0), (0.3, -0.2), s.Minimum, (s.Minimum.X + 0.1, s.Minimum.Y - 0.05) })
        {
            var (dx, dy) = s.Gradient(x, y);
            var (fx, fy) = FiniteDifference.Gradient(s, x, y);
            FiniteDifference.AssertClose(fx, dx, 1e-5, $"df/dx at ({x}, {y})");
            FiniteDifference.AssertClose(fy, dy, 1e-5, $"df/dy at ({x}, {y})");
        }
    }

    [Fact]
    public void Hessian_AnyPoint_MatchesFiniteDifferencesOfGradient()
    {
        LogisticSurface s = Wine(true);
        var (x, y) = (0.4, -0.7);
        Hessian2 h = s.Hessian(x, y), fd = FiniteDifference.Hessian(s, x, y);
        FiniteDifference.AssertClose(fd.Xx, h.Xx, 1e-6, "Hxx");
        FiniteDifference.AssertClose(fd.Xy, h.Xy, 1e-6, "Hxy");
        FiniteDifference.AssertClose(fd.Yy, h.Yy, 1e-6, "Hyy");
    }

    [Fact]
    public void Minimum_GradientVanishesThere()
    {
        foreach (bool standardize in new[] { false, true })
        {
            LogisticSurface s = Wine(standardize);
            var (gx, gy) = s.Gradient(s.Minimum.X, s.Minimum.Y);
            Assert.True(Math.Abs(gx) < 1e-9 && Math.Abs(gy) < 1e-9, $"gradient ({gx}, {gy}) at the minimum");
            Assert.True(s.MinimumValue < s.Value(0, 0));
            Assert.True(s.MinimumValue <= s.Value(s.Minimum.X + 1e-3, s.Minimum.Y));
        }
    }

    [Fact]
    public void Minimum_StandardizedAlcoholMagnesium_MatchesScipy()
    {
        // Reference: scipy.optimize.minimize(method="BFGS", jac=analytic, gtol=1e-13) of the same mean BCE on sklearn's
        // wine, columns 0 and 4 standardized with the population std, class_0 vs rest, no bias (scipy 1.10.1):
        // w = (1.6575081419960063, 0.4328986253806798), f = 0.45994460445800806, |gradient| ~ 1e-15.
        var s = LogisticSurface.FromDataset(Datasets.Wine(), "alcohol", "magnesium", 0, standardize: true);
        Assert.Equal(1.6575081419960063, s.Minimum.X, 1e-9);
        Assert.Equal(0.4328986253806798, s.Minimum.Y, 1e-9);
        Assert.Equal(0.45994460445800806, s.MinimumValue, 1e-14);
    }

    [Fact]
    public void Value_AtOrigin_IsLogTwo()
    {
        // With w = 0 and bias 0 every prediction is 1/2: the loss is ln 2 whatever the data.
        Assert.Equal(Math.Log(2), Wine(false).Value(0, 0), 1e-14);
    }

    [Fact]
    public void ConditionNumberAtMinimum_Standardized_IsMuchSmallerThanRaw()
    {
        double raw = Wine(false).HessianAtMinimum.ConditionNumber;
        double standardized = Wine(true).HessianAtMinimum.ConditionNumber;
        Assert.True(standardized < raw / 10, $"raw kappa {raw}, standardized kappa {standardized}");
        Assert.True(standardized < 10, $"standardized kappa {standardized}");
    }

    [Fact]
    public void MiniBatchGradient_FullBatch_EqualsGradient_AndAveragesToIt()
    {
        LogisticSurface s = Wine(true);
        int[] all = Enumerable.Range(0, s.ExampleCount).ToArray();
        var full = s.Gradient(0.2, 0.1);
        var viaBatch = s.Gradient(0.2, 0.1, all);
        Assert.Equal(full.Dx, viaBatch.Dx, 1e-14);
        Assert.Equal(full.Dy, viaBatch.Dy, 1e-14);
        // Two halves average to the whole; each half differs from it (the noise).
        var h1 = s.Gradient(0.2, 0.1, all.AsSpan(0, 89));
        var h2 = s.Gradient(0.2, 0.1, all.AsSpan(89));
        Assert.Equal(full.Dx, 0.5 * (h1.Dx + h2.Dx), 1e-14);
        Assert.NotEqual(full.Dx, h1.Dx, 1e-6);
    }

    [Fact]
    public void Constructor_SeparableWithoutPenalty_ThrowsSuggestingL2()
    {
        double[] a = [-2, -1, 1, 2];
        double[] b = [0.1, -0.3, 0.2, 0.0];
        var e = Assert.Throws<InvalidOperationException>(() => new LogisticSurface(a, b, [0, 0, 1, 1]));
        Assert.Contains("l2", e.Message);
        var ok = new LogisticSurface(a, b, [0, 0, 1, 1], l2: 0.1);
        Assert.True(ok.Minimum.X > 0);
    }

    [Fact]
    public void FromDataset_UnknownFeature_ThrowsListingNames()
    {
        var e = Assert.Throws<ArgumentException>(() => LogisticSurface.FromDataset(Datasets.Wine(), "alcohol", "colour", 0, true));
        Assert.Contains("proline", e.Message);
    }
}
