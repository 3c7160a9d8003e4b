using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Data;

/// <summary>
/// A labelled data set: one row of <see cref="X"/> per example, one column per feature, and the class
/// index of each example in <see cref="Labels"/> (0 .. <see cref="ClassCount"/> - 1).
/// </summary>
/// <remarks>
/// The constructor validates the whole record (see <see cref="Validate"/>): shapes agree, labels are in range,
/// and <see cref="X"/> holds no NaN or infinity. A <c>with</c> expression copies without re-validating;
/// call <see cref="Validate"/> after one if in doubt.
/// </remarks>
/// <param name="Name">Where the data came from, e.g. <c>"UCI wine"</c>.</param>
/// <param name="X">Features, shape (examples, features).</param>
/// <param name="Labels">Class index of each row of <paramref name="X"/>.</param>
/// <param name="FeatureNames">One name per column of <paramref name="X"/>.</param>
/// <param name="ClassNames">One name per class.</param>
/// <exception cref="ArgumentNullException">When an argument is null.</exception>
/// <exception cref="ArgumentException">When shapes disagree, a label is out of range, or X holds NaN or infinity (the message names the row and column).</exception>
public sealed record Dataset(string Name, Matrix<double> X, int[] Labels, string[] FeatureNames, string[] ClassNames)
{
    /// <summary>Class index of each row of <see cref="X"/> (validated on construction).</summary>
    public int[] Labels { get; init; } = Check(Name, X, Labels, FeatureNames, ClassNames);

    /// <summary>Number of examples (rows).</summary>
    public int Count => X.RowCount;

    /// <summary>Number of features (columns).</summary>
    public int FeatureCount => X.ColumnCount;

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Length;

    /// <summary>
    /// Checks the record: rows of <see cref="X"/> == length of <see cref="Labels"/>, columns == length of
    /// <see cref="FeatureNames"/>, every label in 0 .. <see cref="ClassCount"/> - 1, every entry of X finite.
    /// </summary>
    /// <returns>This data set, so a call can be chained.</returns>
    /// <exception cref="ArgumentException">Naming the first problem found (shape, label position, NaN position).</exception>
    public Dataset Validate()
    {
        Check(Name, X, Labels, FeatureNames, ClassNames);
        return this;
    }

    /// <summary>Number of examples of each class: <c>result[c]</c> counts label <c>c</c>.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassCount];
        foreach (int label in Labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>A new data set with the given rows, in the given order (rows are copied).</summary>
    /// <param name="rows">Row indices into this data set; repeats allowed.</param>
    /// <param name="name">Name of the result; default: this name.</param>
    /// <exception cref="ArgumentOutOfRangeException">When an index is outside 0 .. Count - 1.</exception>
    public Dataset Subset(IReadOnlyList<int> rows, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var x = Matrix<double>.Build.Dense(rows.Count, FeatureCount);
        var labels = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            int r = rows[i];
            if ((uint)r >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"rows[{i}] = {r} is outside 0 .. {Count - 1} of data set '{Name}'.");
            }

            labels[i] = Labels[r];
        }

        MiniBatches.Gather(X, rows is int[] a ? a : rows.ToArray(), x);
        return new Dataset(name ?? Name, x, labels, FeatureNames, ClassNames);
    }

    /// <summary>A new data set with only the given feature columns (e.g. two wine features for a 2-D loss surface).</summary>
    /// <param name="columns">Column indices, in the order wanted.</param>
    /// <exception cref="ArgumentOutOfRangeException">When an index is outside 0 .. FeatureCount - 1.</exception>
    public Dataset SelectFeatures(params int[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (int c in columns)
        {
            if ((uint)c >= (uint)FeatureCount)
            {
                throw new ArgumentOutOfRangeException(nameof(columns), $"Feature column {c} is outside 0 .. {FeatureCount - 1} of data set '{Name}'.");
            }
        }

        var x = Matrix<double>.Build.Dense(Count, columns.Length, (i, j) => X[i, columns[j]]);
        string[] names = columns.Select(c => FeatureNames[c]).ToArray();
        return new Dataset(Name, x, (int[])Labels.Clone(), names, ClassNames);
    }

    /// <summary>The index of the feature called <paramref name="featureName"/> (ordinal, case-sensitive).</summary>
    /// <exception cref="ArgumentException">When no feature has that name; the message lists the names.</exception>
    public int FeatureIndex(string featureName)
    {
        int i = Array.IndexOf(FeatureNames, featureName);
        return i >= 0
            ? i
            : throw new ArgumentException($"Data set '{Name}' has no feature '{featureName}'. Features: {string.Join(", ", FeatureNames)}.", nameof(featureName));
    }

    private static int[] Check(string name, Matrix<double> x, int[] labels, string[] featureNames, string[] classNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(classNames);
        if (x.RowCount != labels.Length)
        {
            throw new ArgumentException($"Data set '{name}': X has {x.RowCount} rows but Labels has {labels.Length} entries; they must match.", nameof(labels));
        }

        if (x.ColumnCount != featureNames.Length)
        {
            throw new ArgumentException($"Data set '{name}': X has {x.ColumnCount} columns but FeatureNames has {featureNames.Length} names; they must match.", nameof(featureNames));
        }

        if (classNames.Length == 0)
        {
            throw new ArgumentException($"Data set '{name}': ClassNames is empty; a data set needs at least one class.", nameof(classNames));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classNames.Length)
            {
                throw new ArgumentException($"Data set '{name}': Labels[{i}] = {labels[i]} is outside 0 .. {classNames.Length - 1} (there are {classNames.Length} class names).", nameof(labels));
            }
        }

        int rows = x.RowCount;
        for (int j = 0; j < x.ColumnCount; j++)
        {
            for (int i = 0; i < rows; i++)
            {
                double v = x.At(i, j);
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"Data set '{name}': X[{i}, {j}] (row {i}, feature '{featureNames[j]}') is {v}; every entry must be finite.", nameof(x));
                }
            }
        }

        return labels;
    }
}
