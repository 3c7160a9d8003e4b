using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Tensors;

/// <summary>Argument checks shared by the layers; every message names the layer, the argument and the shapes.</summary>
internal static class Guard
{
    /// <summary>Throws when <paramref name="x"/> does not have <paramref name="features"/> columns.</summary>
    public static void Features(Matrix<double> x, int features, string layer, string name = "x")
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.ColumnCount != features)
        {
            throw new ArgumentException($"{layer} expects {features} features, got {name} of shape {Storage.Shape(x)}.", name);
        }

        if (x.RowCount == 0)
        {
            throw new ArgumentException($"{layer} needs at least one row, got {name} of shape {Storage.Shape(x)}.", name);
        }
    }

    /// <summary>Throws when <paramref name="actual"/> is not (rows, columns).</summary>
    public static void Shape(Matrix<double> actual, int rows, int columns, string layer, string name)
    {
        ArgumentNullException.ThrowIfNull(actual, name);
        if (actual.RowCount != rows || actual.ColumnCount != columns)
        {
            throw new ArgumentException($"{layer}: {name} must have shape ({rows}, {columns}), got {Storage.Shape(actual)}.", name);
        }
    }

    /// <summary>The same check as <see cref="Shape"/> for an optional output buffer: nothing to check when it is null.</summary>
    public static void ShapeIfGiven(Matrix<double>? actual, int rows, int columns, string layer, string name)
    {
        if (actual is not null)
        {
            Shape(actual, rows, columns, layer, name);
        }
    }

    /// <summary>Throws when <paramref name="v"/> does not have <paramref name="length"/> entries.</summary>
    public static void Length(Vector<double> v, int length, string layer, string name)
    {
        ArgumentNullException.ThrowIfNull(v, name);
        if (v.Count != length)
        {
            throw new ArgumentException($"{layer}: {name} must have length {length}, got {v.Count}.", name);
        }
    }

    /// <summary>Throws naming the first row and column holding NaN or infinity.</summary>
    public static void Finite(Matrix<double> x, string layer, string name = "x")
    {
        double[] a = Storage.Of(x, name);
        int rows = x.RowCount;
        int k = Kernels.IndexOfNonFinite(a);
        if (k >= 0)
        {
            throw NotFinite(layer, name, k % rows, k / rows, a[k]);
        }
    }

    /// <summary>
    /// The same check as <see cref="Finite(Matrix{double}, string, string)"/> when the column sums are already known:
    /// a NaN or ±infinity makes its column's sum non-finite, so only columns whose sum is not finite are scanned
    /// (a finite sum proves its column finite; a sum that overflowed on finite entries is scanned and passes).
    /// </summary>
    public static void Finite(Matrix<double> x, ReadOnlySpan<double> columnSums, string layer, string name = "x")
    {
        double[] a = Storage.Of(x, name);
        int rows = x.RowCount;
        for (int j = 0; j < columnSums.Length; j++)
        {
            if (double.IsFinite(columnSums[j]))
            {
                continue;
            }

            int i = Kernels.IndexOfNonFinite(a.AsSpan(j * rows, rows));
            if (i >= 0)
            {
                throw NotFinite(layer, name, i, j, a[j * rows + i]);
            }
        }
    }

    private static ArgumentException NotFinite(string layer, string name, int row, int column, double value) =>
        new($"{layer}: {name}[{row}, {column}] (row {row}, column {column}) is {value}; inputs must be finite.", name);

    /// <summary>Throws when a backward pass is requested before any forward pass.</summary>
    public static void ForwardCalled(bool called, string layer)
    {
        if (!called)
        {
            throw new InvalidOperationException($"{layer}: Backward called before Forward; run Forward first so the layer has its cached values.");
        }
    }
}
