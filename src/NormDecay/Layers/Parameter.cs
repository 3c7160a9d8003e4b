using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace NormDecay.Layers;

/// <summary>
/// A learnable tensor and its gradient, stored as flat column-major arrays the optimizer updates in place.
/// <see cref="Value"/> and <see cref="Gradient"/> share their storage with the layer's matrices
/// (e.g. <c>Dense.Weights</c>), so an update through either is seen by both.
/// </summary>
public sealed class Parameter
{
    /// <summary>Creates a parameter of shape (rows, columns) initialised to zero.</summary>
    /// <param name="name">Name shown in reports, e.g. <c>dense1.W</c>.</param>
    /// <param name="rows">Rows (&gt; 0).</param>
    /// <param name="columns">Columns (&gt; 0); 1 for a vector.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a dimension is not positive.</exception>
    public Parameter(string name, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        Name = name;
        Rows = rows;
        Columns = columns;
        Value = new double[rows * columns];
        Gradient = new double[rows * columns];
    }

    /// <summary>Name shown in reports.</summary>
    public string Name { get; }

    /// <summary>Rows of the tensor.</summary>
    public int Rows { get; }

    /// <summary>Columns of the tensor (1 for a vector).</summary>
    public int Columns { get; }

    /// <summary>Number of scalars.</summary>
    public int Length => Value.Length;

    /// <summary>The values, column-major.</summary>
    public double[] Value { get; }

    /// <summary>dL/dValue from the last backward pass, column-major (overwritten by each backward).</summary>
    public double[] Gradient { get; }

    /// <summary>A matrix view of <see cref="Value"/> (shares storage).</summary>
    public Matrix<double> ValueMatrix() => new DenseMatrix(Rows, Columns, Value);

    /// <summary>A vector view of <see cref="Value"/> (shares storage).</summary>
    public Vector<double> ValueVector() => new DenseVector(Value);

    /// <summary>A vector view of <see cref="Gradient"/> (shares storage).</summary>
    public Vector<double> GradientVector() => new DenseVector(Gradient);

    /// <summary>A matrix view of <see cref="Gradient"/> (shares storage).</summary>
    public Matrix<double> GradientMatrix() => new DenseMatrix(Rows, Columns, Gradient);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Rows}, {Columns})";
}
