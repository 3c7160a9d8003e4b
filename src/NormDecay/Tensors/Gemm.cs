using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NormDecay.Tensors;

/// <summary>
/// The fast matrix product of the dense layers: <c>C = op(A) · op(B)</c> (or <c>C += ...</c>), column-major, where op is
/// the identity or the transpose, with an optional fused epilogue (add a bias per column of C, then ReLU into a second
/// output). <see cref="ReferenceGemm"/> is the same operation as three readable loops; the tests assert the two agree.
/// </summary>
/// <remarks>
/// <para>The layout is the classic one of GotoBLAS/BLIS, sized for the lesson shapes (batch 16-256 by 8-512 features):
/// blocks of <see cref="KC"/> of the inner dimension and <see cref="MC"/> rows of C are copied ("packed") into small
/// contiguous buffers, so the transposes are handled by the copy, and every multiplication then runs through one
/// micro-kernel that keeps a tile of C (2 vectors of rows × <see cref="NR"/> columns) in registers while it streams
/// through the packed panels: each step loads 2 vectors of A, broadcasts 6 values of B, and does 12 fused multiply-adds.</para>
/// <para>Micro-kernels: 512-bit vectors (16 × 6 tile) where <see cref="Vector512.IsHardwareAccelerated"/>, else 256-bit
/// (8 × 6) where <see cref="Vector256.IsHardwareAccelerated"/>, else a scalar loop over the same packed panels. A fused
/// multiply-add rounds once, so results differ from the reference in the last bits (relative ~1e-15 for these sizes).</para>
/// <para>The packing buffers are per thread and grow to the largest size seen, so no call allocates in steady state.</para>
/// </remarks>
internal static partial class Gemm
{
    /// <summary>Columns of C per micro-tile.</summary>
    public const int NR = 6;

    /// <summary>Depth (inner dimension) per packed block.</summary>
    public const int KC = 256;

    /// <summary>Rows of C per packed block of A (a multiple of every micro-tile height).</summary>
    public const int MC = 128;

    /// <summary>Columns of C per packed block of B.</summary>
    public const int NC = 1536;

    [ThreadStatic]
    private static double[]? t_aPack;

    [ThreadStatic]
    private static double[]? t_bPack;

    /// <summary>Which micro-kernel runs on this thread: "512-bit 16x6", "256-bit 8x6" or "scalar 8x6" (for reports).</summary>
    public static string KernelName => Kind switch
    {
        KernelKind.Vector512 => "512-bit 16x6",
        KernelKind.Vector256 => "256-bit 8x6",
        _ => "scalar 8x6",
    };

    private static readonly KernelKind Default = DefaultKind();

    [ThreadStatic]
    private static KernelKind? t_override;

    /// <summary>The micro-kernel this thread uses: the fastest one by default; tests force each one in turn (null = default).</summary>
    internal static KernelKind? Override
    {
        get => t_override;
        set => t_override = value;
    }

    /// <summary>The micro-kernel used on this thread.</summary>
    internal static KernelKind Kind => t_override ?? Default;

    /// <summary>Rows of C per micro-tile for a kernel.</summary>
    internal static int TileRows(KernelKind kind) => kind == KernelKind.Vector512 ? 16 : 8;

    /// <summary>The fastest kernel this processor runs in hardware.</summary>
    internal static KernelKind DefaultKind() =>
        Vector512.IsHardwareAccelerated ? KernelKind.Vector512
        : Vector256.IsHardwareAccelerated ? KernelKind.Vector256
        : KernelKind.Scalar;

    /// <summary>
    /// <c>C = op(A) op(B)</c>, or <c>C += op(A) op(B)</c> when <paramref name="accumulate"/>; then, when given, C's column j
    /// gets <c>bias[j]</c> added and <paramref name="relu"/> receives <c>max(C, 0)</c> (as <c>x &gt; 0 ? x : 0</c>).
    /// </summary>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="a">A, column-major: (m × k) when not transposed, (k × m) when <paramref name="transposeA"/>.</param>
    /// <param name="transposeA">op(A) = Aᵀ.</param>
    /// <param name="b">B, column-major: (k × n) when not transposed, (n × k) when <paramref name="transposeB"/>.</param>
    /// <param name="transposeB">op(B) = Bᵀ.</param>
    /// <param name="c">C, column-major (m × n).</param>
    /// <param name="accumulate">Add to C instead of overwriting it.</param>
    /// <param name="bias">Length n, added to every row of C after the product; empty for none.</param>
    /// <param name="relu">Length m·n, receives ReLU(C) after the bias; empty for none.</param>
    public static void Multiply(
        int m, int n, int k, ReadOnlySpan<double> a, bool transposeA, ReadOnlySpan<double> b, bool transposeB,
        Span<double> c, bool accumulate = false, ReadOnlySpan<double> bias = default, Span<double> relu = default)
    {
        Check(m, n, k, a, b, c, bias, relu);
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            // An empty sum: C = 0 (or unchanged), then the epilogue.
            if (!accumulate)
            {
                c[..(m * n)].Clear();
            }

            Epilogue(m, n, c, bias, relu);
            return;
        }

        KernelKind kind = Kind;
        int mr = TileRows(kind);
        double[] aPack = Buffer(ref t_aPack, RoundUp(Math.Min(m, MC), mr) * Math.Min(k, KC));
        double[] bPack = Buffer(ref t_bPack, RoundUp(Math.Min(n, NC), NR) * Math.Min(k, KC));
        bool fused = !bias.IsEmpty || !relu.IsEmpty;
        for (int jc = 0; jc < n; jc += NC)
        {
            int nb = Math.Min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC)
            {
                int kb = Math.Min(KC, k - pc);
                PackB(b, transposeB, k, n, pc, kb, jc, nb, bPack);
                bool add = accumulate || pc > 0;
                bool last = pc + kb == k;
                for (int ic = 0; ic < m; ic += MC)
                {
                    int mb = Math.Min(MC, m - ic);
                    PackA(a, transposeA, m, k, ic, mb, pc, kb, mr, aPack);
                    for (int jr = 0; jr < nb; jr += NR)
                    {
                        int cols = Math.Min(NR, nb - jr);
                        int bOffset = jr * kb;
                        for (int ir = 0; ir < mb; ir += mr)
                        {
                            int rows = Math.Min(mr, mb - ir);
                            int cOffset = (jc + jr) * m + ic + ir;
                            var tile = new Tile(m, rows, cols, add, last && fused, jc + jr, cOffset);
                            MicroKernel(kind, kb, aPack.AsSpan(ir * kb), bPack.AsSpan(bOffset), c, tile, bias, relu);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Where one micro-tile lands in C and what its store does.</summary>
    /// <param name="Ldc">Leading dimension of C (its row count).</param>
    /// <param name="Rows">Valid rows of the tile (≤ MR).</param>
    /// <param name="Cols">Valid columns of the tile (≤ NR).</param>
    /// <param name="Add">Add to C's current values instead of overwriting them.</param>
    /// <param name="Finish">Apply the bias and ReLU epilogue (the last depth block).</param>
    /// <param name="Column">C's column of the tile's first column (the bias index).</param>
    /// <param name="Offset">Index in C of the tile's top-left entry.</param>
    internal readonly record struct Tile(int Ldc, int Rows, int Cols, bool Add, bool Finish, int Column, int Offset);

    private static void MicroKernel(KernelKind kind, int kb, ReadOnlySpan<double> aPanel, ReadOnlySpan<double> bPanel, Span<double> c, in Tile tile, ReadOnlySpan<double> bias, Span<double> relu)
    {
        switch (kind)
        {
            case KernelKind.Vector512:
                Kernel512(kb, aPanel, bPanel, c, tile, bias, relu);
                break;
            case KernelKind.Vector256:
                Kernel256(kb, aPanel, bPanel, c, tile, bias, relu);
                break;
            default:
                KernelScalar(kb, aPanel, bPanel, c, tile, bias, relu);
                break;
        }
    }

    /// <summary>Bias and ReLU over a finished C (used only when the inner dimension is 0).</summary>
    private static void Epilogue(int m, int n, Span<double> c, ReadOnlySpan<double> bias, Span<double> relu)
    {
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                double v = c[j * m + i] + (bias.IsEmpty ? 0 : bias[j]);
                c[j * m + i] = v;
                if (!relu.IsEmpty)
                {
                    relu[j * m + i] = v > 0 ? v : 0.0;
                }
            }
        }
    }

    private static void Check(int m, int n, int k, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, ReadOnlySpan<double> bias, Span<double> relu)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (a.Length < m * k || b.Length < k * n || c.Length < m * n)
        {
            throw new ArgumentException($"Gemm: ({m} x {k}) times ({k} x {n}) needs A of {m * k}, B of {k * n} and C of {m * n} entries, got {a.Length}, {b.Length}, {c.Length}.");
        }

        if (!bias.IsEmpty && bias.Length < n)
        {
            throw new ArgumentException($"Gemm: bias needs {n} entries (one per column of C), got {bias.Length}.", nameof(bias));
        }

        if (!relu.IsEmpty && relu.Length < m * n)
        {
            throw new ArgumentException($"Gemm: the ReLU output needs {m * n} entries, got {relu.Length}.", nameof(relu));
        }
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double[] Grow(ref double[]? buffer, int length) => buffer = new double[Math.Max(length, 2 * (buffer?.Length ?? 0))];

    private static double[] Buffer(ref double[]? buffer, int length) =>
        buffer is not null && buffer.Length >= length ? buffer : Grow(ref buffer, length);
}

/// <summary>The micro-kernel flavours of <see cref="Gemm"/>.</summary>
internal enum KernelKind
{
    /// <summary>Plain scalar loops (any processor).</summary>
    Scalar,

    /// <summary>256-bit vectors (AVX2 with FMA on x64).</summary>
    Vector256,

    /// <summary>512-bit vectors (AVX-512).</summary>
    Vector512,
}
