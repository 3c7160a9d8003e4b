using System.Numerics;
using SimdVector = System.Numerics.Vector<double>;
using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Tensors;

/// <summary>
/// The three matrix products a dense layer needs, over column-major spans, allocation free.
/// Written as axpy (y += a x) and dot loops so the inner loop runs down contiguous columns.
/// </summary>
internal static class Kernels
{
    /// <summary>C = A B, with A (n x k), B (k x m), C (n x m).</summary>
    public static void Multiply(Matrix<double> a, Matrix<double> b, Matrix<double> c)
    {
        int n = a.RowCount, k = a.ColumnCount, m = b.ColumnCount;
        double[] A = Storage.Of(a, nameof(a)), B = Storage.Of(b, nameof(b)), C = Storage.Of(c, nameof(c));
        for (int j = 0; j < m; j++)
        {
            // column j of C = Σ_p B[p, j] · column p of A
            LinearCombination(A, n, k, B, j * k, 1, C.AsSpan(j * n, n));
        }
    }

    /// <summary>C = Aᵀ B, with A (n x k), B (n x m), C (k x m).</summary>
    public static void TransposeAndMultiply(Matrix<double> a, Matrix<double> b, Matrix<double> c)
    {
        int n = a.RowCount, k = a.ColumnCount, m = b.ColumnCount;
        double[] A = Storage.Of(a, nameof(a)), B = Storage.Of(b, nameof(b)), C = Storage.Of(c, nameof(c));
        for (int j = 0; j < m; j++)
        {
            ReadOnlySpan<double> bj = B.AsSpan(j * n, n);
            for (int i = 0; i < k; i++)
            {
                C[j * k + i] = Dot(A.AsSpan(i * n, n), bj);
            }
        }
    }

    /// <summary>C = A Bᵀ, with A (n x m), B (k x m), C (n x k).</summary>
    public static void MultiplyTransposed(Matrix<double> a, Matrix<double> b, Matrix<double> c)
    {
        int n = a.RowCount, m = a.ColumnCount, k = b.RowCount;
        double[] A = Storage.Of(a, nameof(a)), B = Storage.Of(b, nameof(b)), C = Storage.Of(c, nameof(c));
        for (int i = 0; i < k; i++)
        {
            // column i of C = Σ_j B[i, j] · column j of A
            LinearCombination(A, n, m, B, i, k, C.AsSpan(i * n, n));
        }
    }

    /// <summary>
    /// result = Σ_p coefficients[offset + p · stride] · A[:, p] over the <paramref name="count"/> columns (length n) of A.
    /// Sixteen rows at a time are kept in four vector registers while p runs, so each column of A is read once
    /// and result is written once (an axpy per p would read and write result k times).
    /// </summary>
    private static void LinearCombination(double[] a, int n, int count, double[] coefficients, int offset, int stride, Span<double> result)
    {
        int w = SimdVector.Count, i = 0;
        for (; i <= n - 4 * w; i += 4 * w)
        {
            SimdVector acc0 = SimdVector.Zero, acc1 = SimdVector.Zero, acc2 = SimdVector.Zero, acc3 = SimdVector.Zero;
            for (int p = 0; p < count; p++)
            {
                var coefficient = new SimdVector(coefficients[offset + p * stride]);
                ReadOnlySpan<double> column = a.AsSpan(p * n + i, 4 * w);
                acc0 += coefficient * new SimdVector(column);
                acc1 += coefficient * new SimdVector(column[w..]);
                acc2 += coefficient * new SimdVector(column[(2 * w)..]);
                acc3 += coefficient * new SimdVector(column[(3 * w)..]);
            }

            acc0.CopyTo(result[i..]);
            acc1.CopyTo(result[(i + w)..]);
            acc2.CopyTo(result[(i + 2 * w)..]);
            acc3.CopyTo(result[(i + 3 * w)..]);
        }

        for (; i < n; i++)
        {
            double sum = 0;
            for (int p = 0; p < count; p++)
            {
                sum += coefficients[offset + p * stride] * a[p * n + i];
            }

            result[i] = sum;
        }
    }

    /// <summary>y += alpha x.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        if (alpha == 0)
        {
            return;
        }

        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= SimdVector.Count)
        {
            var va = new SimdVector(alpha);
            for (; i <= x.Length - SimdVector.Count; i += SimdVector.Count)
            {
                (new SimdVector(y[i..]) + va * new SimdVector(x[i..])).CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    /// <summary>Σ x_i y_i (two vector accumulators: a single one is bound by the add latency, not by memory).</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int i = 0, w = SimdVector.Count;
        var acc0 = SimdVector.Zero;
        var acc1 = SimdVector.Zero;
        for (; i <= x.Length - 2 * w; i += 2 * w)
        {
            acc0 += new SimdVector(x[i..]) * new SimdVector(y[i..]);
            acc1 += new SimdVector(x[(i + w)..]) * new SimdVector(y[(i + w)..]);
        }

        double sum = Vector.Sum(acc0 + acc1);
        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>Σ x_i (two vector accumulators).</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        int i = 0, w = SimdVector.Count;
        var acc0 = SimdVector.Zero;
        var acc1 = SimdVector.Zero;
        for (; i <= x.Length - 2 * w; i += 2 * w)
        {
            acc0 += new SimdVector(x[i..]);
            acc1 += new SimdVector(x[(i + w)..]);
        }

        double sum = Vector.Sum(acc0 + acc1);
        for (; i < x.Length; i++)
        {
            sum += x[i];
        }

        return sum;
    }

    /// <summary>Σ (x_i - mean)², the numerator of the two-pass variance.</summary>
    public static double SumSquaredDeviations(ReadOnlySpan<double> x, double mean)
    {
        int i = 0, w = SimdVector.Count;
        var m = new SimdVector(mean);
        var acc0 = SimdVector.Zero;
        var acc1 = SimdVector.Zero;
        for (; i <= x.Length - 2 * w; i += 2 * w)
        {
            var d0 = new SimdVector(x[i..]) - m;
            var d1 = new SimdVector(x[(i + w)..]) - m;
            acc0 += d0 * d0;
            acc1 += d1 * d1;
        }

        double sum = Vector.Sum(acc0 + acc1);
        for (; i < x.Length; i++)
        {
            sum += (x[i] - mean) * (x[i] - mean);
        }

        return sum;
    }

    /// <summary>xHat_i = (x_i - mean) · invStd and y_i = gamma · xHat_i + beta, in one pass.</summary>
    public static void Normalize(ReadOnlySpan<double> x, double mean, double invStd, double gamma, double beta, Span<double> xHat, Span<double> y)
    {
        int i = 0, w = SimdVector.Count;
        SimdVector m = new(mean), s = new(invStd), g = new(gamma), b = new(beta);
        for (; i <= x.Length - w; i += w)
        {
            var h = (new SimdVector(x[i..]) - m) * s;
            h.CopyTo(xHat[i..]);
            (g * h + b).CopyTo(y[i..]);
        }

        for (; i < x.Length; i++)
        {
            xHat[i] = (x[i] - mean) * invStd;
            y[i] = gamma * xHat[i] + beta;
        }
    }

    /// <summary>r_i = a · x_i - b - c · z_i (the batch-norm input gradient a·dy - b - c·x̂).</summary>
    public static void ScaledDifference(double a, ReadOnlySpan<double> x, double b, double c, ReadOnlySpan<double> z, Span<double> r)
    {
        int i = 0, w = SimdVector.Count;
        SimdVector va = new(a), vb = new(b), vc = new(c);
        for (; i <= x.Length - w; i += w)
        {
            (va * new SimdVector(x[i..]) - vb - vc * new SimdVector(z[i..])).CopyTo(r[i..]);
        }

        for (; i < x.Length; i++)
        {
            r[i] = a * x[i] - b - c * z[i];
        }
    }

    /// <summary>Whether every x_i is finite; returns the index of the first NaN or infinity, or -1.</summary>
    public static int IndexOfNonFinite(ReadOnlySpan<double> x)
    {
        int i = 0, w = SimdVector.Count;
        for (; i <= x.Length - w; i += w)
        {
            var v = new SimdVector(x[i..]);
            // x - x is 0 for finite x and NaN for NaN or ±infinity.
            if (!Vector.EqualsAll(v - v, SimdVector.Zero))
            {
                break;
            }
        }

        for (; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
