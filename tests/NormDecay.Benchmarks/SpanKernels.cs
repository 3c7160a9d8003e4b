using System.Numerics;
using System.Runtime.InteropServices;

namespace NormDecay.Benchmarks;

/// <summary>
/// The reductions and element-wise passes batch norm needs, over spans, with <see cref="Vector{T}"/>
/// and two independent accumulators (a scalar loop with one accumulator is bound by the 4-cycle
/// add latency, not by memory). This is the helper proposed for src/NormDecay (see README.md):
/// BatchNorm.cs would call <c>Sum</c>, <c>SumSquaredDeviations</c>, <c>Dot</c> and stay readable.
/// </summary>
public static class SpanKernels
{
    /// <summary>sum_i x_i.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        var v = MemoryMarshal.Cast<double, Vector<double>>(x);
        Vector<double> a = Vector<double>.Zero, b = Vector<double>.Zero;
        int i = 0;
        for (; i + 1 < v.Length; i += 2)
        {
            a += v[i];
            b += v[i + 1];
        }
        if (i < v.Length)
            a += v[i];
        double sum = Vector.Sum(a + b);
        for (int k = v.Length * Vector<double>.Count; k < x.Length; k++)
            sum += x[k];
        return sum;
    }

    /// <summary>sum_i (x_i - mean)^2, the two-pass variance numerator.</summary>
    public static double SumSquaredDeviations(ReadOnlySpan<double> x, double mean)
    {
        var v = MemoryMarshal.Cast<double, Vector<double>>(x);
        var m = new Vector<double>(mean);
        Vector<double> a = Vector<double>.Zero, b = Vector<double>.Zero;
        int i = 0;
        for (; i + 1 < v.Length; i += 2)
        {
            var d0 = v[i] - m;
            var d1 = v[i + 1] - m;
            a += d0 * d0;
            b += d1 * d1;
        }
        if (i < v.Length)
        {
            var d = v[i] - m;
            a += d * d;
        }
        double sum = Vector.Sum(a + b);
        for (int k = v.Length * Vector<double>.Count; k < x.Length; k++)
            sum += (x[k] - mean) * (x[k] - mean);
        return sum;
    }

    /// <summary>sum_i x_i y_i.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"lengths differ: x has {x.Length}, y has {y.Length}", nameof(y));
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        Vector<double> a = Vector<double>.Zero, b = Vector<double>.Zero;
        int i = 0;
        for (; i + 1 < vx.Length; i += 2)
        {
            a += vx[i] * vy[i];
            b += vx[i + 1] * vy[i + 1];
        }
        if (i < vx.Length)
            a += vx[i] * vy[i];
        double sum = Vector.Sum(a + b);
        for (int k = vx.Length * Vector<double>.Count; k < x.Length; k++)
            sum += x[k] * y[k];
        return sum;
    }

    /// <summary>xHat_i = (x_i - mean) * invStd and y_i = gamma * xHat_i + beta, in one pass.</summary>
    public static void Normalize(ReadOnlySpan<double> x, double mean, double invStd, double gamma, double beta,
        Span<double> xHat, Span<double> y)
    {
        if (xHat.Length < x.Length || y.Length < x.Length)
            throw new ArgumentException($"xHat has {xHat.Length} and y {y.Length} elements, x has {x.Length}");
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vh = MemoryMarshal.Cast<double, Vector<double>>(xHat);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        Vector<double> m = new(mean), s = new(invStd), g = new(gamma), b = new(beta);
        for (int i = 0; i < vx.Length; i++)
        {
            var h = (vx[i] - m) * s;
            vh[i] = h;
            vy[i] = g * h + b;
        }
        for (int k = vx.Length * Vector<double>.Count; k < x.Length; k++)
        {
            xHat[k] = (x[k] - mean) * invStd;
            y[k] = gamma * xHat[k] + beta;
        }
    }

    /// <summary>dx_i = scale * (n dy_i - dBeta - xHat_i dGamma), the batch-norm input gradient.</summary>
    public static void InputGradient(ReadOnlySpan<double> dy, ReadOnlySpan<double> xHat, double scale, double dBeta,
        double dGamma, Span<double> dx)
    {
        if (xHat.Length < dy.Length || dx.Length < dy.Length)
            throw new ArgumentException($"xHat has {xHat.Length} and dx {dx.Length} elements, dy has {dy.Length}");
        double n = dy.Length;
        var vd = MemoryMarshal.Cast<double, Vector<double>>(dy);
        var vh = MemoryMarshal.Cast<double, Vector<double>>(xHat);
        var vx = MemoryMarshal.Cast<double, Vector<double>>(dx);
        Vector<double> a = new(scale * n), c = new(scale * dBeta), e = new(scale * dGamma);
        for (int i = 0; i < vd.Length; i++)
            vx[i] = a * vd[i] - c - e * vh[i];
        for (int k = vd.Length * Vector<double>.Count; k < dy.Length; k++)
            dx[k] = scale * (n * dy[k] - dBeta - xHat[k] * dGamma);
    }
}
