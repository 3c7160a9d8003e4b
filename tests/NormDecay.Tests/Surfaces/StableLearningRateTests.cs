using NormDecay.Data;
using NormDecay.Surfaces;

namespace NormDecay.Tests.Surfaces;

public class StableLearningRateTests
{
    [Theory]
    [InlineData(10, 0, 1)]
    [InlineData(100, 35, 3)]
    [InlineData(2, -60, 0.2)]
    public void Find_Quadratic_ReturnsTwoOverLambdaMaxWithinOnePercent(double kappa, double angle, double lambdaMax)
    {
        var s = QuadraticSurface.FromConditionNumber(kappa, angle, lambdaMax);
        StableRateResult r = StableLearningRate.Find(s);
        double limit = s.MaxStableLearningRate;
        Assert.InRange(r.Rate / limit, 0.99, 1.01);
        Assert.InRange(r.FirstUnstableRate / limit, 0.99, 1.01);
        Assert.True(r.FirstUnstableRate / r.Rate - 1 <= 1e-4);
        Assert.Equal(limit, r.LocalLimit, 1e-12);
    }

    [Fact]
    public void IsStable_Quadratic_SwitchesAtTwoOverLambdaMax()
    {
        var s = QuadraticSurface.FromConditionNumber(10);
        Assert.True(StableLearningRate.IsStable(s, 1.99));
        Assert.False(StableLearningRate.IsStable(s, 2.01));
        Assert.True(StableLearningRate.IsStable(s, 1e-3)); // slow, but still converging
        Assert.False(StableLearningRate.IsStable(s, 1e-12)); // no measurable progress in 1000 steps
    }

    [Fact]
    public void Find_RawProlineFeature_FindsTinyRateWhereStandardizedFindsLargeOne()
    {
        // proline is ~750, hue ~1: raw kappa ~ 1e7, so only a rate of order 1e-5 is stable.
        Dataset wine = Datasets.Wine();
        var raw = LogisticSurface.FromDataset(wine, "hue", "proline", 0, standardize: false);
        var std = LogisticSurface.FromDataset(wine, "hue", "proline", 0, standardize: true);
        double r = StableLearningRate.Find(raw).Rate, z = StableLearningRate.Find(std).Rate;
        Assert.InRange(r, 1e-6, 1e-4);
        Assert.True(z > 1e4 * r, $"raw {r}, standardized {z}");
    }

    [Fact]
    public void Find_WineLogistic_StandardizedAllowsAFarLargerRate()
    {
        Dataset wine = Datasets.Wine();
        var raw = LogisticSurface.FromDataset(wine, "alcohol", "malic_acid", 0, standardize: false);
        var std = LogisticSurface.FromDataset(wine, "alcohol", "malic_acid", 0, standardize: true);
        StableRateResult r = StableLearningRate.Find(raw);
        StableRateResult z = StableLearningRate.Find(std);
        Assert.True(z.Rate > 10 * r.Rate, $"raw {r.Rate}, standardized {z.Rate}");
        // From the origin the boundary lies between 2 / lambda_max of the Hessian at the start and at the optimum
        // (measured up to 1 % above the latter: a bounce just past it dies out slowly; 5 % allowed).
        foreach (var (s, res) in new[] { (raw, r), (std, z) })
        {
            double atStart = s.Hessian(0, 0).StableRateLimit;
            Assert.InRange(res.Rate, 0.99 * Math.Min(atStart, res.LocalLimit), 1.05 * Math.Max(atStart, res.LocalLimit));
        }
    }
}
