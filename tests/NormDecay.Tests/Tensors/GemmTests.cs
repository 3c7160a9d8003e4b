using NormDecay.Tensors;

namespace NormDecay.Tests.Tensors;

/// <summary>
/// The blocked, vectorized <see cref="Gemm"/> against the three readable loops of <see cref="ReferenceGemm"/>: every
/// micro-kernel (512-bit, 256-bit, scalar), both transposes, the accumulate flag and the bias + ReLU epilogue, on shapes
/// chosen to hit every edge: 1, 7, 63, 65, 129 (partial tiles and panels), and depths past one packed block
/// (<see cref="Gemm.KC"/> = 256) and row counts past one block of A (<see cref="Gemm.MC"/> = 128).
/// </summary>
public class GemmTests
{
    /// <summary>
    /// Agreement with the reference loop. Both sum the same k products in double; the blocked kernel sums them in another
    /// order and with fused multiply-adds (one rounding instead of two), so the difference is a few ulps of the sum of
    /// |products|: bounded by k · 2⁻⁵³ · Σ|a||b| ≈ 1e-13 relative for k ≤ 600. 1e-12 relative to Σ|a||b| has margin,
    /// and any indexing error (a wrong row, column or transpose) is off by O(1).
    /// </summary>
    private const double Tolerance = 1e-12;

    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        int[] sizes = [1, 7, 63, 65, 129];
        foreach (int m in sizes)
        {
            foreach (int n in sizes)
            {
                foreach (int k in new[] { 1, 7, 65 })
                {
                    data.Add(m, n, k);
                }
            }
        }

        // The lesson shapes, and depths and heights past one packed block.
        data.Add(64, 128, 64);
        data.Add(64, 10, 128);
        data.Add(29, 128, 128);
        data.Add(256, 512, 512);
        data.Add(3, 5, 300);
        data.Add(300, 7, 600);
        return data;
    }

    /// <summary>Every micro-kernel this processor runs (as int: <see cref="KernelKind"/> is internal).</summary>
    public static TheoryData<int> Kernels()
    {
        var data = new TheoryData<int>();
        foreach (KernelKind kind in AvailableKernels())
        {
            data.Add((int)kind);
        }

        return data;
    }

    private static IEnumerable<KernelKind> AvailableKernels()
    {
        yield return KernelKind.Scalar;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            yield return KernelKind.Vector256;
        }

        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            yield return KernelKind.Vector512;
        }
    }

    private static double[] Values(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => 2.0 * random.NextDouble() - 1.0).ToArray();
    }

    /// <summary>Σ_p |op(A)[i,p]| |op(B)[p,j]| for every entry: the scale of its round-off.</summary>
    private static double[] Magnitudes(int m, int n, int k, double[] a, bool ta, double[] b, bool tb)
    {
        double[] absA = a.Select(Math.Abs).ToArray(), absB = b.Select(Math.Abs).ToArray(), scale = new double[m * n];
        ReferenceGemm.Multiply(m, n, k, absA, ta, absB, tb, scale);
        return scale;
    }

    private static void AssertClose(double[] expected, double[] actual, double[] scale, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double bound = Tolerance * (1.0 + scale[i % scale.Length]);
            Assert.True(Math.Abs(expected[i] - actual[i]) <= bound,
                $"{what}: entry {i} expected {expected[i]:R}, got {actual[i]:R} (bound {bound:E2})");
        }
    }

    private static void Check(KernelKind kind, int m, int n, int k, bool ta, bool tb, bool accumulate, bool epilogue)
    {
        double[] a = Values(m * k, 1 + m), b = Values(k * n, 2 + n), c0 = Values(m * n, 3 + k);
        double[] bias = epilogue ? Values(n, 4) : [];
        double[] expected = (double[])c0.Clone(), actual = (double[])c0.Clone();
        double[] expectedRelu = epilogue ? new double[m * n] : [], actualRelu = epilogue ? Values(m * n, 5) : [];
        ReferenceGemm.Multiply(m, n, k, a, ta, b, tb, expected, accumulate, bias, expectedRelu);
        Gemm.Override = kind;
        try
        {
            Gemm.Multiply(m, n, k, a, ta, b, tb, actual, accumulate, bias, actualRelu);
        }
        finally
        {
            Gemm.Override = null;
        }

        double[] scale = Magnitudes(m, n, k, a, ta, b, tb);
        if (accumulate)
        {
            scale = scale.Select((s, i) => s + Math.Abs(c0[i])).ToArray();
        }

        string what = $"{kind} ({m}x{k})·({k}x{n}) transposeA={ta} transposeB={tb} accumulate={accumulate} epilogue={epilogue}";
        AssertClose(expected, actual, scale, what);
        if (epilogue)
        {
            AssertClose(expectedRelu, actualRelu, scale, what + " ReLU output");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_AnyShapeAndTranspose_MatchesReferenceLoops(int m, int n, int k)
    {
        foreach (KernelKind kind in AvailableKernels())
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    Check(kind, m, n, k, ta, tb, accumulate: false, epilogue: false);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Multiply_Accumulate_AddsToExistingValues(int kernel)
    {
        var kind = (KernelKind)kernel;
        foreach (var (m, n, k) in new[] { (7, 65, 63), (65, 7, 300), (129, 13, 1) })
        {
            Check(kind, m, n, k, ta: false, tb: true, accumulate: true, epilogue: false);
            Check(kind, m, n, k, ta: true, tb: false, accumulate: true, epilogue: true);
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Multiply_BiasAndRelu_AppliedAfterTheFullSum(int kernel)
    {
        var kind = (KernelKind)kernel;
        // Depth 300 spans two packed blocks: the epilogue must run once, after the second.
        foreach (var (m, n, k) in new[] { (64, 128, 64), (29, 10, 128), (63, 65, 300), (1, 1, 1) })
        {
            Check(kind, m, n, k, ta: false, tb: false, accumulate: false, epilogue: true);
        }
    }

    [Fact]
    public void Multiply_ZeroDepth_GivesBiasOnly()
    {
        double[] c = [5, 5, 5, 5], relu = new double[4];
        Gemm.Multiply(2, 2, 0, [], false, [], false, c, bias: [1.5, -2.0], relu: relu);
        Assert.Equal(new[] { 1.5, 1.5, -2.0, -2.0 }, c);
        Assert.Equal(new[] { 1.5, 1.5, 0.0, 0.0 }, relu);
    }

    [Fact]
    public void Multiply_TooShortOutput_ThrowsNamingTheSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(2, 3, 4, new double[8], false, new double[12], false, new double[5]));
        Assert.Contains("C of 6", e.Message);
    }

    [Fact]
    public void Multiply_SteadyState_AllocatesNothing()
    {
        double[] a = Values(64 * 128, 1), b = Values(128 * 128, 2), c = new double[64 * 128], relu = new double[64 * 128], bias = Values(128, 3);
        Gemm.Multiply(64, 128, 128, a, false, b, false, c, bias: bias, relu: relu); // packing buffers grow here, once
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            Gemm.Multiply(64, 128, 128, a, false, b, false, c, bias: bias, relu: relu);
            Gemm.Multiply(128, 128, 64, a, true, c, false, b);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
