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
            Span<double> cj = C.AsSpan(j * n, n);
            cj.Clear();
            for (int p = 0; p < k; p++)
            {
                Axpy(B[j * k + p], A.AsSpan(p * n, n), cj);
            }
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
            Span<double> ci = C.AsSpan(i * n, n);
            ci.Clear();
            for (int j = 0; j < m; j++)
            {
                Axpy(B[j * k + i], A.AsSpan(j * n, n), ci);
            }
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

    /// <summary>Σ x_i y_i.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= SimdVector.Count)
        {
            var acc = SimdVector.Zero;
            for (; i <= x.Length - SimdVector.Count; i += SimdVector.Count)
            {
                acc += new SimdVector(x[i..]) * new SimdVector(y[i..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>Σ x_i.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double v in x)
        {
            sum += v;
        }

        return sum;
    }
}
