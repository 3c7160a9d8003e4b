using NormDecay.Tensors;

namespace NormDecay.Tests.Tensors;

/// <summary>
/// The vectorised span kernels against plain left-to-right scalar loops (the formula recomputed independently).
/// Lengths 0 .. 40 cover every SIMD tail (vector width 2, 4 or 8, unrolled by 2 or 4); 1000 and 1027 cover long runs.
/// </summary>
public class KernelsTests
{
    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        foreach (int n in Enumerable.Range(0, 41).Concat([255, 256, 257, 1000, 1027]))
        {
            data.Add(n);
        }

        return data;
    }

    private static double[] Values(int n, int seed, double offset = 3.0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => offset + 2.0 * (random.NextDouble() - 0.5)).ToArray();
    }

    private static void Close(double expected, double actual, double scale) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1.0, scale), $"expected {expected:R}, got {actual:R}");

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Sum_AnyLength_MatchesScalarLoop(int n)
    {
        double[] x = Values(n, 1);
        double expected = 0;
        foreach (double v in x)
        {
            expected += v;
        }

        Close(expected, Kernels.Sum(x), n * 4.0);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void DotAndSumAndDot_AnyLength_MatchScalarLoop(int n)
    {
        double[] x = Values(n, 2, offset: 0), y = Values(n, 3);
        double sum = 0, dot = 0;
        for (int i = 0; i < n; i++)
        {
            sum += x[i];
            dot += x[i] * y[i];
        }

        Close(dot, Kernels.Dot(x, y), n * 4.0);
        (double s, double d) = Kernels.SumAndDot(x, y);
        Close(sum, s, n);
        Close(dot, d, n * 4.0);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SumSquaredDeviations_AnyLength_MatchesScalarLoop(int n)
    {
        double[] x = Values(n, 4);
        double mean = n == 0 ? 0 : x.Average(), expected = 0;
        foreach (double v in x)
        {
            expected += (v - mean) * (v - mean);
        }

        Close(expected, Kernels.SumSquaredDeviations(x, mean), n);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ElementwisePasses_AnyLength_MatchFormulas(int n)
    {
        double[] x = Values(n, 5), z = Values(n, 6, offset: 0);
        double[] xHat = new double[n], y = new double[n], r = new double[n], s = new double[n];
        Kernels.Normalize(x, 3.0, 0.5, 1.5, -0.25, xHat, y);
        Kernels.ScaledDifference(2.0, x, 0.75, -1.25, z, r);
        Kernels.Scale(-3.0, x, s);
        for (int i = 0; i < n; i++)
        {
            Close((x[i] - 3.0) * 0.5, xHat[i], 1);
            Close(1.5 * ((x[i] - 3.0) * 0.5) - 0.25, y[i], 1);
            Close(2.0 * x[i] - 0.75 + 1.25 * z[i], r[i], 10);
            Close(-3.0 * x[i], s[i], 10);
        }
    }

    [Fact]
    public void ElementwisePasses_LongerOutputs_WriteOnlyTheInputLength()
    {
        double[] x = Values(9, 7), xHat = Enumerable.Repeat(-7.0, 12).ToArray(), y = Enumerable.Repeat(-7.0, 12).ToArray();
        Kernels.Normalize(x, 0, 1, 1, 0, xHat, y);
        Assert.Equal(x, xHat[..9]);
        Assert.All(xHat[9..].Concat(y[9..]), v => Assert.Equal(-7.0, v));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void IndexOfNonFinite_EveryPosition_ReturnsFirstOne(double bad)
    {
        foreach (int n in new[] { 1, 7, 255, 256, 600 })
        {
            double[] x = Values(n, n);
            for (int k = 0; k < n; k++)
            {
                x[k] = bad;
                if (k + 3 < n)
                {
                    x[k + 3] = double.NaN;   // a later one must not be reported
                }

                Assert.Equal(k, Kernels.IndexOfNonFinite(x));
                x = Values(n, n);
            }
        }
    }

    [Fact]
    public void IndexOfNonFinite_HugeFiniteValues_ReturnsMinusOne()
    {
        double[] x = Enumerable.Repeat(double.MaxValue, 600).ToArray();
        x[17] = -double.MaxValue;
        Assert.Equal(-1, Kernels.IndexOfNonFinite(x));
        Assert.Equal(-1, Kernels.IndexOfNonFinite([]));
    }
}
