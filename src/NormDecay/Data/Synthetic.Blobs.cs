using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Data;

/// <summary>Seeded synthetic data sets for experiments: Gaussian blobs, two moons, spirals.</summary>
/// <remarks>Every generator takes the <see cref="Random"/> it draws from, so a seed fixes the data exactly.</remarks>
public static partial class Synthetic
{
    /// <summary>
    /// Gaussian blobs: <paramref name="countPerClass"/> points per class, class c drawn from N(means[c], Sigma)
    /// with one shared covariance Sigma (e.g. <see cref="Gaussian.Covariance"/> for badly scaled, correlated features).
    /// Rows are ordered class by class.
    /// </summary>
    /// <param name="random">The seeded source.</param>
    /// <param name="countPerClass">Points per class, &gt;= 1.</param>
    /// <param name="means">One mean vector per class, all of length d.</param>
    /// <param name="covariance">(d, d) symmetric positive-definite covariance shared by every class.</param>
    /// <exception cref="ArgumentException">When the means differ in length, the covariance is not (d, d), or not positive definite.</exception>
    public static Dataset Blobs(Random random, int countPerClass, double[][] means, Matrix<double> covariance)
    {
        ArgumentNullException.ThrowIfNull(means);
        return Blobs(random, countPerClass, means, Enumerable.Repeat(covariance, means.Length).ToArray());
    }

    /// <summary>
    /// Gaussian blobs with one covariance per class: class c drawn from N(means[c], covariances[c]).
    /// </summary>
    /// <param name="random">The seeded source.</param>
    /// <param name="countPerClass">Points per class, &gt;= 1.</param>
    /// <param name="means">One mean vector per class, all of length d.</param>
    /// <param name="covariances">One (d, d) symmetric positive-definite covariance per class.</param>
    /// <exception cref="ArgumentException">When lengths or shapes disagree or a covariance is not positive definite.</exception>
    public static Dataset Blobs(Random random, int countPerClass, double[][] means, Matrix<double>[] covariances)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(covariances);
        ArgumentOutOfRangeException.ThrowIfLessThan(countPerClass, 1);
        if (means.Length == 0)
        {
            throw new ArgumentException("means is empty; give one mean vector per class.", nameof(means));
        }

        if (covariances.Length != means.Length)
        {
            throw new ArgumentException($"{means.Length} means but {covariances.Length} covariances; give one per class.", nameof(covariances));
        }

        int d = means[0].Length;
        var chol = new Matrix<double>[means.Length];
        for (int c = 0; c < means.Length; c++)
        {
            if (means[c].Length != d)
            {
                throw new ArgumentException($"means[{c}] has length {means[c].Length} but means[0] has {d}.", nameof(means));
            }

            Matrix<double> s = covariances[c] ?? throw new ArgumentNullException(nameof(covariances), $"covariances[{c}] is null.");
            if (s.RowCount != d || s.ColumnCount != d)
            {
                throw new ArgumentException($"covariances[{c}] is ({s.RowCount}, {s.ColumnCount}) but the means have length {d}; it must be ({d}, {d}).", nameof(covariances));
            }

            try
            {
                chol[c] = s.Cholesky().Factor;
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"covariances[{c}] is not symmetric positive definite ({e.Message}).", nameof(covariances), e);
            }
        }

        int n = countPerClass * means.Length;
        var x = Matrix<double>.Build.Dense(n, d);
        var labels = new int[n];
        Span<double> z = stackalloc double[d];
        for (int c = 0, row = 0; c < means.Length; c++)
        {
            for (int k = 0; k < countPerClass; k++, row++)
            {
                Gaussian.SampleInto(x, row, means[c], chol[c], random, z);
                labels[row] = c;
            }
        }

        string[] features = Enumerable.Range(0, d).Select(j => $"x{j + 1}").ToArray();
        string[] classes = Enumerable.Range(0, means.Length).Select(c => $"blob {c}").ToArray();
        return new Dataset("Gaussian blobs", x, labels, features, classes);
    }
}
