using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NormDecay.Tensors;

/// <summary>
/// The micro-kernels of <see cref="Gemm"/>: a (2 vectors × 6) tile of C held in 12 accumulator registers while the packed
/// panels stream by, then one store per column that adds the old C (accumulate, or a later depth block), the bias, and
/// writes ReLU into the second output. A tile that hangs over C's edge goes through a small buffer instead.
/// </summary>
internal static partial class Gemm
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel256(int kb, ReadOnlySpan<double> aPanel, ReadOnlySpan<double> bPanel, Span<double> c, in Tile tile, ReadOnlySpan<double> bias, Span<double> relu)
    {
        const int mr = 8;
        ref double ap = ref MemoryMarshal.GetReference(aPanel[..(kb * mr)]);
        ref double bp = ref MemoryMarshal.GetReference(bPanel[..(kb * NR)]);
        Vector256<double> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default, c05 = default;
        Vector256<double> c10 = default, c11 = default, c12 = default, c13 = default, c14 = default, c15 = default;
        for (int p = 0; p < kb; p++)
        {
            Vector256<double> a0 = Vector256.LoadUnsafe(ref ap, (nuint)(p * mr));
            Vector256<double> a1 = Vector256.LoadUnsafe(ref ap, (nuint)(p * mr + 4));
            ref double bq = ref Unsafe.Add(ref bp, p * NR);
            Vector256<double> b = Vector256.Create(bq);
            c00 = Madd(a0, b, c00);
            c10 = Madd(a1, b, c10);
            b = Vector256.Create(Unsafe.Add(ref bq, 1));
            c01 = Madd(a0, b, c01);
            c11 = Madd(a1, b, c11);
            b = Vector256.Create(Unsafe.Add(ref bq, 2));
            c02 = Madd(a0, b, c02);
            c12 = Madd(a1, b, c12);
            b = Vector256.Create(Unsafe.Add(ref bq, 3));
            c03 = Madd(a0, b, c03);
            c13 = Madd(a1, b, c13);
            b = Vector256.Create(Unsafe.Add(ref bq, 4));
            c04 = Madd(a0, b, c04);
            c14 = Madd(a1, b, c14);
            b = Vector256.Create(Unsafe.Add(ref bq, 5));
            c05 = Madd(a0, b, c05);
            c15 = Madd(a1, b, c15);
        }

        if (tile.Rows == mr && tile.Cols == NR)
        {
            Store(c00, c10, c, tile, 0, bias, relu);
            Store(c01, c11, c, tile, 1, bias, relu);
            Store(c02, c12, c, tile, 2, bias, relu);
            Store(c03, c13, c, tile, 3, bias, relu);
            Store(c04, c14, c, tile, 4, bias, relu);
            Store(c05, c15, c, tile, 5, bias, relu);
            return;
        }

        Span<double> t = stackalloc double[mr * NR];
        c00.CopyTo(t); c10.CopyTo(t[4..]);
        c01.CopyTo(t[8..]); c11.CopyTo(t[12..]);
        c02.CopyTo(t[16..]); c12.CopyTo(t[20..]);
        c03.CopyTo(t[24..]); c13.CopyTo(t[28..]);
        c04.CopyTo(t[32..]); c14.CopyTo(t[36..]);
        c05.CopyTo(t[40..]); c15.CopyTo(t[44..]);
        StorePartial(t, mr, c, tile, bias, relu);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel512(int kb, ReadOnlySpan<double> aPanel, ReadOnlySpan<double> bPanel, Span<double> c, in Tile tile, ReadOnlySpan<double> bias, Span<double> relu)
    {
        const int mr = 16;
        ref double ap = ref MemoryMarshal.GetReference(aPanel[..(kb * mr)]);
        ref double bp = ref MemoryMarshal.GetReference(bPanel[..(kb * NR)]);
        Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default, c05 = default;
        Vector512<double> c10 = default, c11 = default, c12 = default, c13 = default, c14 = default, c15 = default;
        for (int p = 0; p < kb; p++)
        {
            Vector512<double> a0 = Vector512.LoadUnsafe(ref ap, (nuint)(p * mr));
            Vector512<double> a1 = Vector512.LoadUnsafe(ref ap, (nuint)(p * mr + 8));
            ref double bq = ref Unsafe.Add(ref bp, p * NR);
            Vector512<double> b = Vector512.Create(bq);
            c00 = Vector512.FusedMultiplyAdd(a0, b, c00);
            c10 = Vector512.FusedMultiplyAdd(a1, b, c10);
            b = Vector512.Create(Unsafe.Add(ref bq, 1));
            c01 = Vector512.FusedMultiplyAdd(a0, b, c01);
            c11 = Vector512.FusedMultiplyAdd(a1, b, c11);
            b = Vector512.Create(Unsafe.Add(ref bq, 2));
            c02 = Vector512.FusedMultiplyAdd(a0, b, c02);
            c12 = Vector512.FusedMultiplyAdd(a1, b, c12);
            b = Vector512.Create(Unsafe.Add(ref bq, 3));
            c03 = Vector512.FusedMultiplyAdd(a0, b, c03);
            c13 = Vector512.FusedMultiplyAdd(a1, b, c13);
            b = Vector512.Create(Unsafe.Add(ref bq, 4));
            c04 = Vector512.FusedMultiplyAdd(a0, b, c04);
            c14 = Vector512.FusedMultiplyAdd(a1, b, c14);
            b = Vector512.Create(Unsafe.Add(ref bq, 5));
            c05 = Vector512.FusedMultiplyAdd(a0, b, c05);
            c15 = Vector512.FusedMultiplyAdd(a1, b, c15);
        }

        if (tile.Rows == mr && tile.Cols == NR)
        {
            Store(c00, c10, c, tile, 0, bias, relu);
            Store(c01, c11, c, tile, 1, bias, relu);
            Store(c02, c12, c, tile, 2, bias, relu);
            Store(c03, c13, c, tile, 3, bias, relu);
            Store(c04, c14, c, tile, 4, bias, relu);
            Store(c05, c15, c, tile, 5, bias, relu);
            return;
        }

        Span<double> t = stackalloc double[mr * NR];
        c00.CopyTo(t); c10.CopyTo(t[8..]);
        c01.CopyTo(t[16..]); c11.CopyTo(t[24..]);
        c02.CopyTo(t[32..]); c12.CopyTo(t[40..]);
        c03.CopyTo(t[48..]); c13.CopyTo(t[56..]);
        c04.CopyTo(t[64..]); c14.CopyTo(t[72..]);
        c05.CopyTo(t[80..]); c15.CopyTo(t[88..]);
        StorePartial(t, mr, c, tile, bias, relu);
    }

    /// <summary>The same tile as <see cref="Kernel256"/> in scalar code, for processors without 256-bit vectors.</summary>
    private static void KernelScalar(int kb, ReadOnlySpan<double> aPanel, ReadOnlySpan<double> bPanel, Span<double> c, in Tile tile, ReadOnlySpan<double> bias, Span<double> relu)
    {
        const int mr = 8;
        Span<double> t = stackalloc double[mr * NR];
        t.Clear();
        for (int p = 0; p < kb; p++)
        {
            ReadOnlySpan<double> a = aPanel.Slice(p * mr, mr);
            for (int col = 0; col < NR; col++)
            {
                double b = bPanel[p * NR + col];
                Span<double> acc = t.Slice(col * mr, mr);
                for (int r = 0; r < mr; r++)
                {
                    acc[r] += a[r] * b;
                }
            }
        }

        StorePartial(t, mr, c, tile, bias, relu);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Madd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : a * b + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<double> v0, Vector256<double> v1, Span<double> c, in Tile tile, int col, ReadOnlySpan<double> bias, Span<double> relu)
    {
        int at = tile.Offset + col * tile.Ldc;
        ref double cc = ref Unsafe.Add(ref MemoryMarshal.GetReference(c[..(at + 8)]), at);
        if (tile.Add)
        {
            v0 += Vector256.LoadUnsafe(ref cc);
            v1 += Vector256.LoadUnsafe(ref cc, 4);
        }

        if (tile.Finish && !bias.IsEmpty)
        {
            var b = Vector256.Create(bias[tile.Column + col]);
            v0 += b;
            v1 += b;
        }

        v0.StoreUnsafe(ref cc);
        v1.StoreUnsafe(ref cc, 4);
        if (tile.Finish && !relu.IsEmpty)
        {
            ref double rr = ref Unsafe.Add(ref MemoryMarshal.GetReference(relu[..(at + 8)]), at);
            Vector256<double> zero = Vector256<double>.Zero;
            Vector256.ConditionalSelect(Vector256.GreaterThan(v0, zero), v0, zero).StoreUnsafe(ref rr);
            Vector256.ConditionalSelect(Vector256.GreaterThan(v1, zero), v1, zero).StoreUnsafe(ref rr, 4);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<double> v0, Vector512<double> v1, Span<double> c, in Tile tile, int col, ReadOnlySpan<double> bias, Span<double> relu)
    {
        int at = tile.Offset + col * tile.Ldc;
        ref double cc = ref Unsafe.Add(ref MemoryMarshal.GetReference(c[..(at + 16)]), at);
        if (tile.Add)
        {
            v0 += Vector512.LoadUnsafe(ref cc);
            v1 += Vector512.LoadUnsafe(ref cc, 8);
        }

        if (tile.Finish && !bias.IsEmpty)
        {
            var b = Vector512.Create(bias[tile.Column + col]);
            v0 += b;
            v1 += b;
        }

        v0.StoreUnsafe(ref cc);
        v1.StoreUnsafe(ref cc, 8);
        if (tile.Finish && !relu.IsEmpty)
        {
            ref double rr = ref Unsafe.Add(ref MemoryMarshal.GetReference(relu[..(at + 16)]), at);
            Vector512<double> zero = Vector512<double>.Zero;
            Vector512.ConditionalSelect(Vector512.GreaterThan(v0, zero), v0, zero).StoreUnsafe(ref rr);
            Vector512.ConditionalSelect(Vector512.GreaterThan(v1, zero), v1, zero).StoreUnsafe(ref rr, 8);
        }
    }

    /// <summary>Stores the valid part of a tile held column by column in <paramref name="t"/> (mr values per column).</summary>
    private static void StorePartial(ReadOnlySpan<double> t, int mr, Span<double> c, in Tile tile, ReadOnlySpan<double> bias, Span<double> relu)
    {
        for (int col = 0; col < tile.Cols; col++)
        {
            int at = tile.Offset + col * tile.Ldc;
            double b = tile.Finish && !bias.IsEmpty ? bias[tile.Column + col] : 0.0;
            for (int r = 0; r < tile.Rows; r++)
            {
                double v = t[col * mr + r] + (tile.Add ? c[at + r] : 0.0) + b;
                c[at + r] = v;
                if (tile.Finish && !relu.IsEmpty)
                {
                    relu[at + r] = v > 0 ? v : 0.0;
                }
            }
        }
    }
}
