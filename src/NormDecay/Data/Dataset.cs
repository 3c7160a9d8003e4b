using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Data;

/// <summary>
/// A labelled data set: one row of <see cref="X"/> per example, one column per feature, and the class
/// index of each example in <see cref="Labels"/> (0 .. <see cref="ClassCount"/> - 1).
/// </summary>
/// <param name="Name">Where the data came from, e.g. <c>"UCI wine"</c>.</param>
/// <param name="X">Features, shape (examples, features).</param>
/// <param name="Labels">Class index of each row of <paramref name="X"/>.</param>
/// <param name="FeatureNames">One name per column of <paramref name="X"/>.</param>
/// <param name="ClassNames">One name per class.</param>
public sealed record Dataset(string Name, Matrix<double> X, int[] Labels, string[] FeatureNames, string[] ClassNames)
{
    /// <summary>Number of examples (rows).</summary>
    public int Count => X.RowCount;

    /// <summary>Number of features (columns).</summary>
    public int FeatureCount => X.ColumnCount;

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Length;
}
