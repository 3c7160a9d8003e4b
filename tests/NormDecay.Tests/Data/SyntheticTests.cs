using MathNet.Numerics.LinearAlgebra;
using NormDecay.Data;

namespace NormDecay.Tests.Data;

public class SyntheticTests
{
    private static readonly double[][] Means = [[0.0, 0.0], [3.0, -1.0]];

    [Fact]
    public void Blobs_SameSeed_SameData()
    {
        var cov = Gaussian.Covariance([1.0, 10.0], 0.8);
        Dataset a = Synthetic.Blobs(new Random(7), 50, Means, cov);
        Dataset b = Synthetic.Blobs(new Random(7), 50, Means, cov);
        Dataset c = Synthetic.Blobs(new Random(8), 50, Means, cov);
        Assert.Equal(a.X.ToArray(), b.X.ToArray());
        Assert.NotEqual(a.X.ToArray(), c.X.ToArray());
    }

    [Fact]
    public void Blobs_ManyPoints_MatchRequestedMeanAndCovariance()
    {
        // Badly scaled and correlated: std 1 and 100, correlation 0.9 (lesson 1's situation).
        Matrix<double> cov = Gaussian.Covariance([1.0, 100.0], 0.9);
        int n = 20000;
        Dataset d = Synthetic.Blobs(new Random(42), n, [[5.0, -50.0]], cov);
        Assert.Equal(n, d.Count);
        double m0 = d.X.Column(0).Average(), m1 = d.X.Column(1).Average();
        // Standard error of a mean is sigma / sqrt(n): 0.007 and 0.7; allow 5 of them.
        Assert.Equal(5.0, m0, 0.04);
        Assert.Equal(-50.0, m1, 3.5);
        double c00 = 0, c01 = 0, c11 = 0;
        for (int i = 0; i < n; i++)
        {
            double u = d.X[i, 0] - m0, v = d.X[i, 1] - m1;
            c00 += u * u;
            c01 += u * v;
            c11 += v * v;
        }

        c00 /= n - 1;
        c01 /= n - 1;
        c11 /= n - 1;
        // Relative standard error of a sample variance is sqrt(2 / n) = 1 %; allow 4 %.
        Assert.InRange(c00 / cov[0, 0], 0.96, 1.04);
        Assert.InRange(c11 / cov[1, 1], 0.96, 1.04);
        Assert.InRange(c01 / cov[0, 1], 0.96, 1.04);
    }

    [Fact]
    public void Blobs_CovarianceNotPositiveDefinite_ThrowsNamingIt()
    {
        var bad = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } });
        var e = Assert.Throws<ArgumentException>(() => Synthetic.Blobs(new Random(1), 5, Means, bad));
        Assert.Contains("covariances[0]", e.Message);
    }

    [Fact]
    public void Covariance_CorrelationOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Gaussian.Covariance([1.0, 1.0], 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gaussian.Covariance([1.0, 0.0], 0.0));
    }

    [Fact]
    public void Gaussian_Samples_HaveMeanZeroVarianceOne()
    {
        var r = new Random(3);
        double[] s = Enumerable.Range(0, 50000).Select(_ => Gaussian.Sample(r)).ToArray();
        Assert.Equal(0, s.Average(), 0.02);
        Assert.Equal(1, s.Select(v => v * v).Average(), 0.03);
    }

    [Fact]
    public void TwoMoons_NoNoise_PointsLieOnTheTwoArcs()
    {
        Dataset d = Synthetic.TwoMoons(new Random(1), 101, noise: 0);
        Assert.Equal(101, d.Count);
        Assert.Equal(new[] { 51, 50 }, d.ClassCounts());
        for (int i = 0; i < d.Count; i++)
        {
            double x = d.X[i, 0], y = d.X[i, 1];
            double r = d.Labels[i] == 0 ? Math.Sqrt(x * x + y * y) : Math.Sqrt((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5));
            Assert.Equal(1.0, r, 1e-12);
        }
    }

    [Fact]
    public void TwoMoons_SameSeed_SameData()
    {
        Assert.Equal(Synthetic.TwoMoons(new Random(5), 40).X.ToArray(), Synthetic.TwoMoons(new Random(5), 40).X.ToArray());
    }

    [Fact]
    public void Spirals_NoNoise_RadiusGrowsLinearlyAlongEachArm()
    {
        Dataset d = Synthetic.Spirals(new Random(1), 11, classes: 3, noise: 0);
        Assert.Equal(33, d.Count);
        Assert.Equal(new[] { 11, 11, 11 }, d.ClassCounts());
        for (int k = 0; k < 11; k++)
        {
            double r = Math.Sqrt(d.X[11 + k, 0] * d.X[11 + k, 0] + d.X[11 + k, 1] * d.X[11 + k, 1]);
            Assert.Equal(k / 10.0, r, 1e-12);
        }

        Assert.Equal(Synthetic.Spirals(new Random(9), 20).X.ToArray(), Synthetic.Spirals(new Random(9), 20).X.ToArray());
    }
}
