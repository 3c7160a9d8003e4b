using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace NormDecay.Tensors;

/// <summary>
/// Access to the column-major storage of MathNet dense matrices and vectors, so hot loops run over spans.
/// Column <c>j</c> of an (N, F) matrix is the contiguous slice <c>[j * N, (j + 1) * N)</c>.
/// </summary>
internal static class Storage
{
    /// <summary>The column-major array behind a dense matrix; throws naming <paramref name="name"/> when the matrix is not dense.</summary>
    public static double[] Of(Matrix<double> m, string name)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        return m.AsColumnMajorArray()
            ?? throw new ArgumentException($"{name} must be a dense matrix (Matrix<double>.Build.Dense / DenseMatrix), got {m.GetType().Name}.", name);
    }

    /// <summary>The array behind a dense vector.</summary>
    public static double[] Of(Vector<double> v, string name)
    {
        ArgumentNullException.ThrowIfNull(v, name);
        return v.AsArray()
            ?? throw new ArgumentException($"{name} must be a dense vector, got {v.GetType().Name}.", name);
    }

    /// <summary>The entries of a vector: the array behind a dense vector, or a copy of the entries for any other storage.</summary>
    public static ReadOnlySpan<double> Values(Vector<double> v) => v.AsArray() ?? v.ToArray();

    /// <summary>Column <paramref name="j"/> of a column-major (rows x ...) array.</summary>
    public static Span<double> Column(double[] a, int rows, int j) => a.AsSpan(j * rows, rows);

    /// <summary>Shape as PyTorch prints it: <c>(32, 3)</c>.</summary>
    public static string Shape(Matrix<double> m) => $"({m.RowCount}, {m.ColumnCount})";

    /// <summary>A new dense (rows x columns) matrix of zeros.</summary>
    public static Matrix<double> Zeros(int rows, int columns) => new DenseMatrix(rows, columns);

    /// <summary>A new dense matrix of zeros with the shape of <paramref name="m"/> (e.g. a loss's gradient buffer); throws naming <paramref name="name"/> when m is null.</summary>
    public static Matrix<double> ZerosLike(Matrix<double> m, string name)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        return Zeros(m.RowCount, m.ColumnCount);
    }
}
