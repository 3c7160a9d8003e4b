using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Data;

/// <summary>
/// Seeded mini-batch order: each epoch is a fresh random permutation of <c>0 .. count - 1</c> (Fisher-Yates with the
/// injected <see cref="Random"/>), cut into batches of <see cref="BatchSize"/> indices.
/// </summary>
/// <remarks>
/// Like PyTorch's <c>DataLoader(shuffle=True, drop_last=...)</c>: every index appears exactly once per epoch; the last
/// batch is smaller when <c>count</c> is not a multiple of the batch size, unless <see cref="DropLast"/> drops it.
/// Each epoch starts from the identity order and is shuffled, so its order depends only on the state of the
/// <see cref="Random"/>. The batches are slices of one internal buffer: no allocation per batch, and a batch is only
/// valid until the next epoch starts.
/// </remarks>
public sealed class MiniBatches
{
    private readonly Random _random;
    private readonly int[] _order;
    private readonly IReadOnlyList<ReadOnlyMemory<int>> _batches;

    /// <summary>Creates the batcher.</summary>
    /// <param name="count">Number of examples, &gt;= 1.</param>
    /// <param name="batchSize">Examples per batch, 1 .. <paramref name="count"/> (a larger value is clamped to count).</param>
    /// <param name="random">The seeded source of shuffles.</param>
    /// <param name="shuffle">Shuffle each epoch (default true); false gives 0, 1, 2, ... every epoch.</param>
    /// <param name="dropLast">Drop a last batch smaller than <paramref name="batchSize"/> (default false).</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="count"/> or <paramref name="batchSize"/> is below 1.</exception>
    public MiniBatches(int count, int batchSize, Random random, bool shuffle = true, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentNullException.ThrowIfNull(random);
        Count = count;
        BatchSize = Math.Min(batchSize, count);
        Shuffle = shuffle;
        DropLast = dropLast;
        _random = random;
        _order = new int[count];

        // The batches are fixed windows of _order: only the order inside _order changes from epoch to epoch,
        // so the list of windows is built once and every epoch returns it (no allocation per epoch).
        var batches = new ReadOnlyMemory<int>[BatchesPerEpoch];
        for (int b = 0; b < batches.Length; b++)
        {
            int start = b * BatchSize;
            batches[b] = new ReadOnlyMemory<int>(_order, start, Math.Min(BatchSize, Count - start));
        }

        _batches = Array.AsReadOnly(batches);
    }

    /// <summary>Number of examples.</summary>
    public int Count { get; }

    /// <summary>Examples per full batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch is shuffled.</summary>
    public bool Shuffle { get; }

    /// <summary>Whether a last, smaller batch is dropped.</summary>
    public bool DropLast { get; }

    /// <summary>Batches per epoch: <c>floor(count / batchSize)</c> with drop-last, else <c>ceil(count / batchSize)</c>.</summary>
    public int BatchesPerEpoch => DropLast ? Count / BatchSize : (Count + BatchSize - 1) / BatchSize;

    /// <summary>
    /// Shuffles a new epoch and returns its batches. The memory of each batch belongs to this object and is
    /// overwritten by the next call.
    /// </summary>
    /// <remarks>Allocation free: every call returns the same read-only list of windows over the reshuffled order.</remarks>
    public IReadOnlyList<ReadOnlyMemory<int>> NextEpoch()
    {
        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        if (Shuffle)
        {
            ShuffleInPlace(_order, _random);
        }

        return _batches;
    }

    /// <summary>Fisher-Yates (Durstenfeld) shuffle: for i = n-1 down to 1, swap a[i] with a[j], j uniform in 0..i.</summary>
    /// <param name="values">The array to permute in place.</param>
    /// <param name="random">The seeded source of randomness.</param>
    public static void ShuffleInPlace(Span<int> values, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>
    /// Copies rows <paramref name="rows"/> of <paramref name="source"/> into the preallocated
    /// <paramref name="destination"/> (row i of destination = row rows[i] of source). No allocation for dense matrices.
    /// </summary>
    /// <exception cref="ArgumentException">When destination is not (rows.Length, source.ColumnCount).</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a row index is outside the source.</exception>
    public static void Gather(Matrix<double> source, ReadOnlySpan<int> rows, Matrix<double> destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.RowCount != rows.Length || destination.ColumnCount != source.ColumnCount)
        {
            throw new ArgumentException(
                $"destination is ({destination.RowCount}, {destination.ColumnCount}) but the batch needs ({rows.Length}, {source.ColumnCount}): rows = batch size, columns = features.",
                nameof(destination));
        }

        int n = source.RowCount;
        for (int i = 0; i < rows.Length; i++)
        {
            if ((uint)rows[i] >= (uint)n)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"rows[{i}] = {rows[i]} is outside 0 .. {n - 1}.");
            }
        }

        double[]? src = source.AsColumnMajorArray();
        double[]? dst = destination.AsColumnMajorArray();
        int b = rows.Length;
        for (int j = 0; j < source.ColumnCount; j++)
        {
            if (src is not null && dst is not null)
            {
                // Dense, column-major: column j of the batch is contiguous.
                ReadOnlySpan<double> column = src.AsSpan(j * n, n);
                Span<double> target = dst.AsSpan(j * b, b);
                for (int i = 0; i < b; i++)
                {
                    target[i] = column[rows[i]];
                }
            }
            else
            {
                for (int i = 0; i < b; i++)
                {
                    destination.At(i, j, source.At(rows[i], j));
                }
            }
        }
    }

    /// <summary>
    /// Copies the rows and labels of a batch into preallocated buffers: <paramref name="xBatch"/> (rows.Length, features)
    /// and the first rows.Length entries of <paramref name="labelBatch"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When a buffer has the wrong shape (named in the message).</exception>
    public static void Gather(Dataset data, ReadOnlySpan<int> rows, Matrix<double> xBatch, Span<int> labelBatch)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (labelBatch.Length < rows.Length)
        {
            throw new ArgumentException($"labelBatch has {labelBatch.Length} entries but the batch has {rows.Length} rows.", nameof(labelBatch));
        }

        Gather(data.X, rows, xBatch);
        for (int i = 0; i < rows.Length; i++)
        {
            labelBatch[i] = data.Labels[rows[i]];
        }
    }
}
