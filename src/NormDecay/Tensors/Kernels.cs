using MathNet.Numerics.LinearAlgebra;
using SimdVector = System.Numerics.Vector<double>;

namespace NormDecay.Tensors;

/// <summary>
/// The three matrix products a dense layer needs, over column-major spans, allocation free.
/// Written as linear combinations of columns and dot products, so the inner loops run down contiguous columns.
/// The column passes of batch normalization (<c>Kernels.Columns.cs</c>) are the other part.
/// </summary>
internal static partial class Kernels
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

    /// <summary>y += alpha * x, element by element (BLAS axpy). <paramref name="x"/> and <paramref name="y"/> have the same length.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        if (alpha == 0)
        {
            return;
        }

        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && x.Length >= SimdVector.Count)
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
}
