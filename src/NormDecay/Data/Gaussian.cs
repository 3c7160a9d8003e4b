using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Data;

/// <summary>
/// Normal random numbers from an injected <see cref="Random"/> (Box-Muller), and the covariance matrices lesson 1
/// needs: features with chosen scales and correlation.
/// </summary>
public static class Gaussian
{
    /// <summary>One standard normal draw N(0, 1) by the Box-Muller transform: <c>sqrt(-2 ln u1) cos(2 pi u2)</c>.</summary>
    /// <param name="random">The seeded source; two uniform draws are consumed per call.</param>
    public static double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u1 = 1.0 - random.NextDouble(); // in (0, 1], so the log is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// The covariance of features with standard deviations <paramref name="scales"/> and one common correlation
    /// <paramref name="correlation"/> between every pair: <c>Sigma_ij = s_i s_j (i == j ? 1 : rho)</c>.
    /// </summary>
    /// <param name="scales">Standard deviation of each feature, each &gt; 0.</param>
    /// <param name="correlation">Correlation rho between every pair, in (-1/(d-1), 1) so Sigma is positive definite.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a scale is not positive or rho makes Sigma singular.</exception>
    public static Matrix<double> Covariance(double[] scales, double correlation)
    {
        ArgumentNullException.ThrowIfNull(scales);
        int d = scales.Length;
        for (int i = 0; i < d; i++)
        {
            if (!(scales[i] > 0) || !double.IsFinite(scales[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(scales), $"scales[{i}] = {scales[i]}; every standard deviation must be finite and > 0.");
            }
        }

        double lower = d > 1 ? -1.0 / (d - 1) : -1.0;
        if (!(correlation > lower && correlation < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(correlation), $"correlation = {correlation}; with {d} features it must lie in ({lower}, 1) for a positive-definite covariance.");
        }

        return Matrix<double>.Build.Dense(d, d, (i, j) => scales[i] * scales[j] * (i == j ? 1.0 : correlation));
    }

    /// <summary>
    /// Fills row <paramref name="row"/> of <paramref name="x"/> with one draw from N(mean, L L^T):
    /// <c>x = mean + L z</c>, z standard normal, L the lower Cholesky factor of the covariance.
    /// </summary>
    internal static void SampleInto(Matrix<double> x, int row, double[] mean, Matrix<double> choleskyLower, Random random, Span<double> z)
    {
        int d = mean.Length;
        for (int k = 0; k < d; k++)
        {
            z[k] = Sample(random);
        }

        for (int i = 0; i < d; i++)
        {
            double v = mean[i];
            for (int k = 0; k <= i; k++)
            {
                v += choleskyLower.At(i, k) * z[k];
            }

            x.At(row, i, v);
        }
    }
}
