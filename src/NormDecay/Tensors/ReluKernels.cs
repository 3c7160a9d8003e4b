using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SimdVector = System.Numerics.Vector<double>;

namespace NormDecay.Tensors;

/// <summary>
/// ReLU over a whole matrix's storage in SIMD vectors plus a scalar tail: y = (x &gt; 0 ? x : 0) and dx = (x &gt; 0 ? dy : 0),
/// the same comparisons as <see cref="Layers.ReLU"/>'s scalar formulas (so NaN and -0 map to 0 as there).
/// </summary>
internal static class ReluKernels
{
    /// <summary>y_i = x_i &gt; 0 ? x_i : 0; <paramref name="y"/> at least as long as <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        y = y[..x.Length];
        ReadOnlySpan<SimdVector> vx = MemoryMarshal.Cast<double, SimdVector>(x);
        Span<SimdVector> vy = MemoryMarshal.Cast<double, SimdVector>(y);
        for (int i = 0; i < vx.Length; i++)
        {
            vy[i] = System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.GreaterThan(vx[i], SimdVector.Zero), vx[i], SimdVector.Zero);
        }

        for (int k = vx.Length * SimdVector.Count; k < x.Length; k++)
        {
            y[k] = x[k] > 0 ? x[k] : 0.0;
        }
    }

    /// <summary>dx_i = x_i &gt; 0 ? dy_i : 0; all spans at least as long as <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> dy, Span<double> dx)
    {
        dy = dy[..x.Length];
        dx = dx[..x.Length];
        ReadOnlySpan<SimdVector> vx = MemoryMarshal.Cast<double, SimdVector>(x), vdy = MemoryMarshal.Cast<double, SimdVector>(dy);
        Span<SimdVector> vdx = MemoryMarshal.Cast<double, SimdVector>(dx);
        for (int i = 0; i < vx.Length; i++)
        {
            vdx[i] = System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.GreaterThan(vx[i], SimdVector.Zero), vdy[i], SimdVector.Zero);
        }

        for (int k = vx.Length * SimdVector.Count; k < x.Length; k++)
        {
            dx[k] = x[k] > 0 ? dy[k] : 0.0;
        }
    }
}
