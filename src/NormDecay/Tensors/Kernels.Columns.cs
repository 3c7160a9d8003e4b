using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SimdVector = System.Numerics.Vector<double>;

namespace NormDecay.Tensors;

/// <summary>
/// The passes of batch normalization over one contiguous span (a column of a column-major matrix): reductions
/// (sums, dot products, squared deviations, the finite check), then element-wise passes that write their outputs in
/// the same sweep that reads their inputs (x̂ and y; the input gradient; a scaling).
/// </summary>
/// <remarks>
/// <para>The span is viewed as whole SIMD vectors (<see cref="MemoryMarshal.Cast{TFrom, TTo}(ReadOnlySpan{TFrom})"/>)
/// plus a scalar tail. Four independent accumulators are kept: one accumulator makes every add wait for the previous
/// one (about 4 cycles), which is slower than reading the data from the L1 cache.</para>
/// <para>The order of the additions differs from a left-to-right scalar loop, so results can differ from it in the
/// last bits (relative 1e-16 per element), well inside the 1e-10 the reference tests ask for.</para>
/// <para>The element-wise passes use the same layout (whole SIMD vectors, then a scalar tail) with no accumulators;
/// their output spans must be at least as long as the input.</para>
/// <para><see cref="MethodImplOptions.AggressiveOptimization"/> compiles these loops optimized on their first call,
/// so a notebook cell run once does not pay for unoptimized (tier-0) vector code.</para>
/// </remarks>
internal static partial class Kernels
{
    /// <summary>Σ x_i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Sum(ReadOnlySpan<double> x)
    {
        ReadOnlySpan<SimdVector> v = MemoryMarshal.Cast<double, SimdVector>(x);
        SimdVector a0 = SimdVector.Zero, a1 = SimdVector.Zero, a2 = SimdVector.Zero, a3 = SimdVector.Zero;
        int i = 0;
        for (; i <= v.Length - 4; i += 4)
        {
            a0 += v[i];
            a1 += v[i + 1];
            a2 += v[i + 2];
            a3 += v[i + 3];
        }

        for (; i < v.Length; i++)
        {
            a0 += v[i];
        }

        double sum = Vector.Sum((a0 + a1) + (a2 + a3));
        for (int k = v.Length * SimdVector.Count; k < x.Length; k++)
        {
            sum += x[k];
        }

        return sum;
    }

    /// <summary>Σ x_i y_i; <paramref name="y"/> must be at least as long as <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        y = y[..x.Length];
        ReadOnlySpan<SimdVector> vx = MemoryMarshal.Cast<double, SimdVector>(x), vy = MemoryMarshal.Cast<double, SimdVector>(y);
        SimdVector a0 = SimdVector.Zero, a1 = SimdVector.Zero, a2 = SimdVector.Zero, a3 = SimdVector.Zero;
        int i = 0;
        for (; i <= vx.Length - 4; i += 4)
        {
            a0 += vx[i] * vy[i];
            a1 += vx[i + 1] * vy[i + 1];
            a2 += vx[i + 2] * vy[i + 2];
            a3 += vx[i + 3] * vy[i + 3];
        }

        for (; i < vx.Length; i++)
        {
            a0 += vx[i] * vy[i];
        }

        double sum = Vector.Sum((a0 + a1) + (a2 + a3));
        for (int k = vx.Length * SimdVector.Count; k < x.Length; k++)
        {
            sum += x[k] * y[k];
        }

        return sum;
    }

    /// <summary>(Σ x_i, Σ x_i y_i) in one pass over both spans (the two sums of the batch-norm backward).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Sum, double Dot) SumAndDot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        y = y[..x.Length];
        ReadOnlySpan<SimdVector> vx = MemoryMarshal.Cast<double, SimdVector>(x), vy = MemoryMarshal.Cast<double, SimdVector>(y);
        SimdVector s0 = SimdVector.Zero, s1 = SimdVector.Zero, d0 = SimdVector.Zero, d1 = SimdVector.Zero;
        int i = 0;
        for (; i <= vx.Length - 2; i += 2)
        {
            s0 += vx[i];
            s1 += vx[i + 1];
            d0 += vx[i] * vy[i];
            d1 += vx[i + 1] * vy[i + 1];
        }

        for (; i < vx.Length; i++)
        {
            s0 += vx[i];
            d0 += vx[i] * vy[i];
        }

        double sum = Vector.Sum(s0 + s1), dot = Vector.Sum(d0 + d1);
        for (int k = vx.Length * SimdVector.Count; k < x.Length; k++)
        {
            sum += x[k];
            dot += x[k] * y[k];
        }

        return (sum, dot);
    }

    /// <summary>Σ (x_i - mean)², the numerator of the two-pass variance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SumSquaredDeviations(ReadOnlySpan<double> x, double mean)
    {
        ReadOnlySpan<SimdVector> v = MemoryMarshal.Cast<double, SimdVector>(x);
        var m = new SimdVector(mean);
        SimdVector a0 = SimdVector.Zero, a1 = SimdVector.Zero, a2 = SimdVector.Zero, a3 = SimdVector.Zero;
        int i = 0;
        for (; i <= v.Length - 4; i += 4)
        {
            SimdVector e0 = v[i] - m, e1 = v[i + 1] - m, e2 = v[i + 2] - m, e3 = v[i + 3] - m;
            a0 += e0 * e0;
            a1 += e1 * e1;
            a2 += e2 * e2;
            a3 += e3 * e3;
        }

        for (; i < v.Length; i++)
        {
            SimdVector e = v[i] - m;
            a0 += e * e;
        }

        double sum = Vector.Sum((a0 + a1) + (a2 + a3));
        for (int k = v.Length * SimdVector.Count; k < x.Length; k++)
        {
            sum += (x[k] - mean) * (x[k] - mean);
        }

        return sum;
    }

    /// <summary>The index of the first NaN or ±infinity in <paramref name="x"/>, or -1 when every entry is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int IndexOfNonFinite(ReadOnlySpan<double> x)
    {
        // x - x is 0 for a finite x and NaN for NaN or ±infinity; NaN then stays NaN through the sum of a block.
        const int block = 64;
        ReadOnlySpan<SimdVector> v = MemoryMarshal.Cast<double, SimdVector>(x);
        int i = 0;
        for (; i <= v.Length - block; i += block)
        {
            SimdVector a0 = SimdVector.Zero, a1 = SimdVector.Zero;
            for (int k = i; k < i + block; k += 2)
            {
                a0 += v[k] - v[k];
                a1 += v[k + 1] - v[k + 1];
            }

            if (!Vector.EqualsAll(a0 + a1, SimdVector.Zero))
            {
                break;
            }
        }

        for (int k = i * SimdVector.Count; k < x.Length; k++)
        {
            if (!double.IsFinite(x[k]))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>xHat_i = (x_i - mean) · invStd and y_i = gamma · xHat_i + beta, in one pass.</summary>
    /// <remarks><paramref name="xHat"/> and <paramref name="y"/> must be at least as long as <paramref name="x"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Normalize(ReadOnlySpan<double> x, double mean, double invStd, double gamma, double beta, Span<double> xHat, Span<double> y)
    {
        xHat = xHat[..x.Length];
        y = y[..x.Length];
        ReadOnlySpan<SimdVector> vx = MemoryMarshal.Cast<double, SimdVector>(x);
        Span<SimdVector> vh = MemoryMarshal.Cast<double, SimdVector>(xHat), vy = MemoryMarshal.Cast<double, SimdVector>(y);
        SimdVector m = new(mean), s = new(invStd), g = new(gamma), b = new(beta);
        for (int i = 0; i < vx.Length; i++)
        {
            SimdVector h = (vx[i] - m) * s;
            vh[i] = h;
            vy[i] = g * h + b;
        }

        for (int k = vx.Length * SimdVector.Count; k < x.Length; k++)
        {
            xHat[k] = (x[k] - mean) * invStd;
            y[k] = gamma * xHat[k] + beta;
        }
    }

    /// <summary>r_i = a · x_i - b - c · z_i (the batch-norm input gradient a·dy - b - c·x̂).</summary>
    /// <remarks><paramref name="z"/> and <paramref name="r"/> must be at least as long as <paramref name="x"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScaledDifference(double a, ReadOnlySpan<double> x, double b, double c, ReadOnlySpan<double> z, Span<double> r)
    {
        z = z[..x.Length];
        r = r[..x.Length];
        ReadOnlySpan<SimdVector> vx = MemoryMarshal.Cast<double, SimdVector>(x), vz = MemoryMarshal.Cast<double, SimdVector>(z);
        Span<SimdVector> vr = MemoryMarshal.Cast<double, SimdVector>(r);
        SimdVector va = new(a), vb = new(b), vc = new(c);
        for (int i = 0; i < vx.Length; i++)
        {
            vr[i] = va * vx[i] - vb - vc * vz[i];
        }

        for (int k = vx.Length * SimdVector.Count; k < x.Length; k++)
        {
            r[k] = a * x[k] - b - c * z[k];
        }
    }

    /// <summary>r_i = a · x_i.</summary>
    /// <remarks><paramref name="r"/> must be at least as long as <paramref name="x"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(double a, ReadOnlySpan<double> x, Span<double> r)
    {
        r = r[..x.Length];
        ReadOnlySpan<SimdVector> vx = MemoryMarshal.Cast<double, SimdVector>(x);
        Span<SimdVector> vr = MemoryMarshal.Cast<double, SimdVector>(r);
        var va = new SimdVector(a);
        for (int i = 0; i < vx.Length; i++)
        {
            vr[i] = va * vx[i];
        }

        for (int k = vx.Length * SimdVector.Count; k < x.Length; k++)
        {
            r[k] = a * x[k];
        }
    }
}
