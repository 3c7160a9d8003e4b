namespace NormDecay.Tensors;

/// <summary>
/// The matrix product of <see cref="Gemm"/> written to be read: <c>C[i, j] = Σ_p op(A)[i, p] · op(B)[p, j]</c>, one entry
/// at a time, with the same arguments, the same column-major layout and the same epilogue (bias, then ReLU). It is what
/// the fast kernel must equal; the tests compare the two on odd shapes, both transposes and the accumulate flag.
/// </summary>
internal static class ReferenceGemm
{
    /// <summary>As <see cref="Gemm.Multiply"/>, in three plain loops.</summary>
    public static void Multiply(
        int m, int n, int k, ReadOnlySpan<double> a, bool transposeA, ReadOnlySpan<double> b, bool transposeB,
        Span<double> c, bool accumulate = false, ReadOnlySpan<double> bias = default, Span<double> relu = default)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    double aip = transposeA ? a[i * k + p] : a[p * m + i];   // op(A)[i, p]
                    double bpj = transposeB ? b[p * n + j] : b[j * k + p];   // op(B)[p, j]
                    sum += aip * bpj;
                }

                double v = (accumulate ? c[j * m + i] + sum : sum) + (bias.IsEmpty ? 0.0 : bias[j]);
                c[j * m + i] = v;
                if (!relu.IsEmpty)
                {
                    relu[j * m + i] = v > 0 ? v : 0.0;
                }
            }
        }
    }
}
