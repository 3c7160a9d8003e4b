namespace NormDecay.Tensors;

/// <summary>
/// The copies of <see cref="Gemm"/>: a block of op(A) into row panels and a block of op(B) into column panels, in the
/// order the micro-kernel reads them. The transposes live here, and the last panel is padded with zeros, so the
/// micro-kernel always multiplies whole tiles.
/// </summary>
internal static partial class Gemm
{
    /// <summary>
    /// Packs rows <c>ic .. ic+mb</c>, depth <c>pc .. pc+kb</c> of op(A) into panels of <paramref name="mr"/> rows:
    /// panel q holds, for each depth p in turn, the mr values op(A)[ic + q·mr + r, pc + p] (r = 0 .. mr-1).
    /// </summary>
    private static void PackA(ReadOnlySpan<double> a, bool transposeA, int m, int k, int ic, int mb, int pc, int kb, int mr, double[] pack)
    {
        for (int q = 0; q * mr < mb; q++)
        {
            int i0 = ic + q * mr;
            int rows = Math.Min(mr, ic + mb - i0);
            Span<double> panel = pack.AsSpan(q * mr * kb, mr * kb);
            if (!transposeA)
            {
                // A is (m x k): op(A)[i, p] = a[p·m + i], so each depth step copies a contiguous run of rows.
                for (int p = 0; p < kb; p++)
                {
                    a.Slice((pc + p) * m + i0, rows).CopyTo(panel.Slice(p * mr, rows));
                    if (rows < mr)
                    {
                        panel.Slice(p * mr + rows, mr - rows).Clear();
                    }
                }
            }
            else
            {
                // A is (k x m): op(A)[i, p] = a[i·k + p], contiguous along the depth for each row.
                for (int r = 0; r < rows; r++)
                {
                    ReadOnlySpan<double> row = a.Slice((i0 + r) * k + pc, kb);
                    for (int p = 0; p < kb; p++)
                    {
                        panel[p * mr + r] = row[p];
                    }
                }

                for (int r = rows; r < mr; r++)
                {
                    for (int p = 0; p < kb; p++)
                    {
                        panel[p * mr + r] = 0;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Packs depth <c>pc .. pc+kb</c>, columns <c>jc .. jc+nb</c> of op(B) into panels of <see cref="NR"/> columns:
    /// panel t holds, for each depth p in turn, the NR values op(B)[pc + p, jc + t·NR + c] (c = 0 .. NR-1).
    /// </summary>
    private static void PackB(ReadOnlySpan<double> b, bool transposeB, int k, int n, int pc, int kb, int jc, int nb, double[] pack)
    {
        for (int t = 0; t * NR < nb; t++)
        {
            int j0 = jc + t * NR;
            int cols = Math.Min(NR, jc + nb - j0);
            Span<double> panel = pack.AsSpan(t * NR * kb, NR * kb);
            if (!transposeB)
            {
                // B is (k x n): op(B)[p, j] = b[j·k + p], contiguous along the depth for each column.
                for (int col = 0; col < cols; col++)
                {
                    ReadOnlySpan<double> column = b.Slice((j0 + col) * k + pc, kb);
                    for (int p = 0; p < kb; p++)
                    {
                        panel[p * NR + col] = column[p];
                    }
                }
            }
            else
            {
                // B is (n x k): op(B)[p, j] = b[p·n + j], so each depth step copies a contiguous run of columns.
                for (int p = 0; p < kb; p++)
                {
                    b.Slice((pc + p) * n + j0, cols).CopyTo(panel.Slice(p * NR, cols));
                }
            }

            for (int col = cols; col < NR; col++)
            {
                for (int p = 0; p < kb; p++)
                {
                    panel[p * NR + col] = 0;
                }
            }
        }
    }
}
