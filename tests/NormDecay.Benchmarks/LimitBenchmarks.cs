using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BenchmarkDotNet.Attributes;

namespace NormDecay.Benchmarks;

/// <summary>
/// The machine's limits, measured in the same run as the workloads, so "NormDecay / limit" says how close a kernel is to
/// what this core can do at all:
/// <list type="bullet">
/// <item><c>limit:triad_*</c>: a STREAM triad <c>a[i] = b[i] + s c[i]</c> over three arrays of rows × cols doubles each (the
/// size of one BN matrix, so it runs from the same cache level as the BN workload); bandwidth = 24 bytes per element / time.
/// <c>limit:triad_dram</c> uses 3 × 64 MB (past the 32 MB L3) for the main-memory figure.</item>
/// <item><c>limit:fma256</c>, <c>limit:fma512</c>: a register-blocked FMA loop, 12 independent accumulators (enough to hide
/// the 4-cycle FMA latency on 2 pipes), 256- and 512-bit vectors; rate = 2 × lanes × 12 × iterations / time.
/// The larger of the two is the core's FMA peak.</item>
/// </list>
/// </summary>
[Config(typeof(BenchConfig))]
public class LimitBenchmarks
{
    /// <summary>Doubles per array of the DRAM triad (64 MB).</summary>
    public const int DramLength = 8 << 20;

    [Params("256x512", "1024x1024", "dram")]
    public string Shape { get; set; } = "256x512";

    double[] _a = null!, _b = null!, _c = null!;

    [GlobalSetup]
    public void Setup()
    {
        int length = TriadLength(Shape);
        _a = new double[length];
        _b = new double[length];
        _c = new double[length];
        for (int i = 0; i < length; i++)
        {
            _b[i] = i % 7;
            _c[i] = i % 5;
        }
    }

    /// <summary>Elements per triad array for a shape id ("256x512" → 131072, "dram" → <see cref="DramLength"/>).</summary>
    public static int TriadLength(string shape)
    {
        if (shape == "dram")
            return DramLength;
        var parts = shape.Split('x');
        return int.Parse(parts[0]) * int.Parse(parts[1]);
    }

    [Benchmark, BenchmarkCategory("limit:triad")]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Triad()
    {
        const double s = 3.0;
        Span<Vector<double>> a = MemoryMarshal.Cast<double, Vector<double>>(_a.AsSpan());
        ReadOnlySpan<Vector<double>> b = MemoryMarshal.Cast<double, Vector<double>>(_b.AsSpan());
        ReadOnlySpan<Vector<double>> c = MemoryMarshal.Cast<double, Vector<double>>(_c.AsSpan());
        var vs = new Vector<double>(s);
        for (int i = 0; i < a.Length; i++)
            a[i] = b[i] + vs * c[i];
        for (int k = a.Length * Vector<double>.Count; k < _a.Length; k++)
            _a[k] = _b[k] + s * _c[k];
        return _a[^1];
    }

}

/// <summary>The FMA-peak half of <see cref="LimitBenchmarks"/> (no parameters, so each loop runs once).</summary>
[Config(typeof(BenchConfig))]
public class FmaPeakBenchmarks
{
    /// <summary>FMA loop iterations per operation (each does 12 vector FMAs).</summary>
    public const int FmaIterations = 1 << 18;

    /// <summary>Accumulators in the FMA loop.</summary>
    public const int FmaChains = 12;

    [Benchmark, BenchmarkCategory("limit:fma256")]
    public double Fma256() => FmaLoop256();

    [Benchmark, BenchmarkCategory("limit:fma512")]
    public double Fma512() => FmaLoop512();

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    static double FmaLoop256()
    {
        var m = Vector256.Create(1.0000001);
        var c = Vector256.Create(1e-9);
        Vector256<double> a0 = Vector256.Create(1.0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0,
            a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (int i = 0; i < FmaIterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, m, c);
            a1 = Vector256.FusedMultiplyAdd(a1, m, c);
            a2 = Vector256.FusedMultiplyAdd(a2, m, c);
            a3 = Vector256.FusedMultiplyAdd(a3, m, c);
            a4 = Vector256.FusedMultiplyAdd(a4, m, c);
            a5 = Vector256.FusedMultiplyAdd(a5, m, c);
            a6 = Vector256.FusedMultiplyAdd(a6, m, c);
            a7 = Vector256.FusedMultiplyAdd(a7, m, c);
            a8 = Vector256.FusedMultiplyAdd(a8, m, c);
            a9 = Vector256.FusedMultiplyAdd(a9, m, c);
            a10 = Vector256.FusedMultiplyAdd(a10, m, c);
            a11 = Vector256.FusedMultiplyAdd(a11, m, c);
        }
        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    static double FmaLoop512()
    {
        var m = Vector512.Create(1.0000001);
        var c = Vector512.Create(1e-9);
        Vector512<double> a0 = Vector512.Create(1.0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0,
            a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (int i = 0; i < FmaIterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, c);
            a1 = Vector512.FusedMultiplyAdd(a1, m, c);
            a2 = Vector512.FusedMultiplyAdd(a2, m, c);
            a3 = Vector512.FusedMultiplyAdd(a3, m, c);
            a4 = Vector512.FusedMultiplyAdd(a4, m, c);
            a5 = Vector512.FusedMultiplyAdd(a5, m, c);
            a6 = Vector512.FusedMultiplyAdd(a6, m, c);
            a7 = Vector512.FusedMultiplyAdd(a7, m, c);
            a8 = Vector512.FusedMultiplyAdd(a8, m, c);
            a9 = Vector512.FusedMultiplyAdd(a9, m, c);
            a10 = Vector512.FusedMultiplyAdd(a10, m, c);
            a11 = Vector512.FusedMultiplyAdd(a11, m, c);
        }
        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    /// <summary>Flops of one FMA-loop operation with <paramref name="lanes"/> doubles per vector.</summary>
    public static double Flops(int lanes) => 2.0 * lanes * FmaChains * FmaIterations;

    /// <summary>Whether the FMA loops run real FMA instructions here (otherwise the runtime emulates them).</summary>
    public static string FmaSupport() =>
        $"FMA {(Fma.IsSupported ? "yes" : "no")}, AVX-512F {(Avx512F.IsSupported ? "yes" : "no")}, Vector512 accelerated {(Vector512.IsHardwareAccelerated ? "yes" : "no")}, Vector<double> {Vector<double>.Count} lanes";
}
