using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SimdVector = System.Numerics.Vector<double>;

namespace NormDecay.Tensors;

/// <summary>
/// Element-wise passes over one contiguous span (a column of a column-major matrix), each writing its outputs in the
/// same pass that reads its inputs. Same layout as the reductions: whole SIMD vectors, then a scalar tail.
/// </summary>
internal static partial class Kernels
{
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
