using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using NormDecay.Tensors;

namespace NormDecay.Normalization;

/// <summary>
/// Input standardization (z-scoring) fitted on training data: x' = (x - μ) / s per feature, where μ is the mean and
/// s the population standard deviation (divides by N, as scikit-learn's <c>StandardScaler</c>) of the training rows.
/// </summary>
/// <remarks>
/// The two steps are available separately for lesson 1: <see cref="Center"/> (x - μ) and <see cref="ScaleOnly"/> (x / s).
/// A constant feature (s = 0) gets scale 1, so it is centered but not divided by zero (scikit-learn does the same).
/// Fit on the training set only and reuse the same μ and s for the test set.
/// </remarks>
public sealed class Standardizer
{
    private Standardizer(Vector<double> mean, Vector<double> scale)
    {
        Mean = mean;
        Scale = scale;
    }

    /// <summary>Per-feature training mean μ.</summary>
    public Vector<double> Mean { get; }

    /// <summary>Per-feature scale s: population standard deviation, or 1 for a constant feature.</summary>
    public Vector<double> Scale { get; }

    /// <summary>Number of features.</summary>
    public int Features => Mean.Count;

    /// <summary>Fits μ and s on the rows of <paramref name="x"/> (one pass for the mean, one for the variance).</summary>
    /// <exception cref="ArgumentException">When x has no rows, or holds NaN/infinity (the message names row and column).</exception>
    public static Standardizer Fit(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.RowCount == 0 || x.ColumnCount == 0)
        {
            throw new ArgumentException($"Standardizer.Fit needs at least one row and one column, got x of shape {Storage.Shape(x)}.", nameof(x));
        }

        Guard.Finite(x, "Standardizer.Fit");
        int n = x.RowCount, f = x.ColumnCount;
        double[] a = Storage.Of(x, nameof(x));
        var mean = new DenseVector(f);
        var scale = new DenseVector(f);
        for (int j = 0; j < f; j++)
        {
            ReadOnlySpan<double> column = a.AsSpan(j * n, n);
            double mu = Kernels.Sum(column) / n;
            double ss = 0;
            foreach (double v in column)
            {
                ss += (v - mu) * (v - mu);
            }

            double std = Math.Sqrt(ss / n);
            mean[j] = mu;
            scale[j] = std > 0 ? std : 1.0;
        }

        return new Standardizer(mean, scale);
    }

    /// <summary>Step 1 only: x - μ (new matrix).</summary>
    /// <exception cref="ArgumentException">When x has a different number of features than the fitted data.</exception>
    public Matrix<double> Center(Matrix<double> x) => Apply(x, center: true, scale: false);

    /// <summary>Step 2 only: x / s (new matrix), e.g. applied to already centered data.</summary>
    /// <exception cref="ArgumentException">When x has a different number of features than the fitted data.</exception>
    public Matrix<double> ScaleOnly(Matrix<double> x) => Apply(x, center: false, scale: true);

    /// <summary>Both steps: (x - μ) / s (new matrix).</summary>
    /// <exception cref="ArgumentException">When x has a different number of features than the fitted data.</exception>
    public Matrix<double> Transform(Matrix<double> x) => Apply(x, center: true, scale: true);

    /// <summary>The inverse: x' s + μ (new matrix).</summary>
    /// <exception cref="ArgumentException">When x has a different number of features than the fitted data.</exception>
    public Matrix<double> InverseTransform(Matrix<double> x)
    {
        Guard.Features(x, Features, $"Standardizer({Features})");
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => x[i, j] * Scale[j] + Mean[j]);
    }

    private Matrix<double> Apply(Matrix<double> x, bool center, bool scale)
    {
        Guard.Features(x, Features, $"Standardizer({Features})");
        return Matrix<double>.Build.Dense(
            x.RowCount, x.ColumnCount, (i, j) => ((x[i, j] - (center ? Mean[j] : 0.0)) / (scale ? Scale[j] : 1.0)));
    }
}
