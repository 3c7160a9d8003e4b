using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Tensors;

/// <summary>
/// Scratch matrices with a fixed column count, one per batch size seen, so the full batches and the
/// last partial batch of an epoch each reuse their own buffer instead of allocating every step.
/// </summary>
internal sealed class RowBuffers(int columns)
{
    private readonly List<Matrix<double>> _buffers = [];

    /// <summary>A (rows x columns) buffer; the same object for the same row count. Contents are not cleared.</summary>
    public Matrix<double> Get(int rows)
    {
        foreach (var b in _buffers)
        {
            if (b.RowCount == rows)
            {
                return b;
            }
        }

        var created = Storage.Zeros(rows, columns);
        if (_buffers.Count >= 4)
        {
            _buffers.RemoveAt(0);
        }

        _buffers.Add(created);
        return created;
    }
}
