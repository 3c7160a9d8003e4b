using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Data;

/// <summary>
/// Preallocated buffers for the mini-batches of one data set: one feature matrix and one label array per batch
/// size met (at most two: the full size and the last, smaller batch), reused on every call.
/// </summary>
/// <remarks>
/// The returned matrix and array are overwritten by the next <see cref="Gather"/> with the same batch size; copy
/// them if they must outlive it.
/// </remarks>
public sealed class BatchBuffer
{
    private readonly Dataset _data;
    private readonly Dictionary<int, (Matrix<double> X, int[] Labels)> _buffers = new();

    /// <summary>Creates buffers for batches of <paramref name="data"/>.</summary>
    public BatchBuffer(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
    }

    /// <summary>Copies the rows <paramref name="rows"/> into the buffer of that size and returns it.</summary>
    /// <param name="rows">Row indices, e.g. a batch from <see cref="MiniBatches.NextEpoch"/>.</param>
    /// <returns>The batch features (rows.Length, features) and labels (rows.Length).</returns>
    public (Matrix<double> X, int[] Labels) Gather(ReadOnlySpan<int> rows)
    {
        if (!_buffers.TryGetValue(rows.Length, out var buffer))
        {
            buffer = (Matrix<double>.Build.Dense(rows.Length, _data.FeatureCount), new int[rows.Length]);
            _buffers[rows.Length] = buffer;
        }

        MiniBatches.Gather(_data, rows, buffer.X, buffer.Labels);
        return buffer;
    }
}
