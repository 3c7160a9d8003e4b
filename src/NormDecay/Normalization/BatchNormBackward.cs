using MathNet.Numerics.LinearAlgebra;
using NormDecay.Tensors;

namespace NormDecay.Normalization;

/// <summary>
/// The two ways to write the backward pass of batch normalization in training mode, over (N, F) inputs.
/// Both give dL/dx, dL/dγ = Σ_i dy_i x̂_i and dL/dβ = Σ_i dy_i; they differ only in how dL/dx is derived.
/// </summary>
/// <remarks>
/// Forward: μ = (1/N) Σ x_i, σ² = (1/N) Σ (x_i - μ)² (biased), x̂ = (x - μ) / sqrt(σ² + ε), y = γ x̂ + β.
/// <see cref="Full"/> follows the computational graph node by node (as in CS231n and Karpathy's makemore part 4);
/// <see cref="Compact"/> is the simplified closed form used by <see cref="BatchNorm"/>.
/// </remarks>
public static class BatchNormBackward
{
    /// <summary>
    /// Step-by-step chain rule:
    /// dx̂ = γ dy; dσ² = Σ dx̂ (x - μ) (-1/2)(σ² + ε)^(-3/2); dμ = -Σ dx̂ / sqrt(σ² + ε) + dσ² (-2/N) Σ (x - μ);
    /// dx = dx̂ / sqrt(σ² + ε) + dσ² 2 (x - μ) / N + dμ / N.
    /// </summary>
    /// <param name="x">Input of the forward pass, (N, F).</param>
    /// <param name="dOut">dL/dy, (N, F).</param>
    /// <param name="mean">Batch mean μ, length F.</param>
    /// <param name="variance">Biased batch variance σ², length F.</param>
    /// <param name="gamma">γ, length F (all ones when not affine).</param>
    /// <param name="eps">ε of the forward pass.</param>
    /// <param name="dX">Receives dL/dx, (N, F).</param>
    /// <param name="dGamma">Receives dL/dγ, length F.</param>
    /// <param name="dBeta">Receives dL/dβ, length F.</param>
    /// <exception cref="ArgumentException">When shapes disagree.</exception>
    public static void Full(
        Matrix<double> x, Matrix<double> dOut, Vector<double> mean, Vector<double> variance, Vector<double> gamma, double eps,
        Matrix<double> dX, Vector<double> dGamma, Vector<double> dBeta)
    {
        int n = x.RowCount, f = x.ColumnCount;
        Check(dOut, n, f, mean, variance, gamma, dX, dGamma, dBeta);
        double[] xs = Storage.Of(x, nameof(x)), dy = Storage.Of(dOut, nameof(dOut)), dx = Storage.Of(dX, nameof(dX));
        for (int j = 0; j < f; j++)
        {
            ReadOnlySpan<double> xj = xs.AsSpan(j * n, n), dyj = dy.AsSpan(j * n, n);
            Span<double> dxj = dx.AsSpan(j * n, n);
            double mu = mean[j], g = gamma[j];
            double invStd = 1.0 / Math.Sqrt(variance[j] + eps);

            double dVar = 0, dxHatSum = 0, centeredSum = 0, dGammaJ = 0, dBetaJ = 0;
            for (int i = 0; i < n; i++)
            {
                double centered = xj[i] - mu;
                double dxHat = g * dyj[i];
                dVar += dxHat * centered * -0.5 * invStd * invStd * invStd;
                dxHatSum += dxHat;
                centeredSum += centered;
                dGammaJ += dyj[i] * centered * invStd;
                dBetaJ += dyj[i];
            }

            double dMu = -dxHatSum * invStd + dVar * -2.0 * centeredSum / n;
            for (int i = 0; i < n; i++)
            {
                double centered = xj[i] - mu;
                dxj[i] = g * dyj[i] * invStd + dVar * 2.0 * centered / n + dMu / n;
            }

            dGamma[j] = dGammaJ;
            dBeta[j] = dBetaJ;
        }
    }

    /// <summary>
    /// Compact form: dx = γ / (N sqrt(σ² + ε)) · (N dy - Σ dy - x̂ Σ (dy x̂)), with the sums over the batch.
    /// </summary>
    /// <param name="xHat">Normalized input x̂ of the forward pass, (N, F).</param>
    /// <param name="dOut">dL/dy, (N, F).</param>
    /// <param name="variance">Biased batch variance σ², length F.</param>
    /// <param name="gamma">γ, length F (all ones when not affine).</param>
    /// <param name="eps">ε of the forward pass.</param>
    /// <param name="dX">Receives dL/dx, (N, F).</param>
    /// <param name="dGamma">Receives dL/dγ = Σ dy x̂, length F.</param>
    /// <param name="dBeta">Receives dL/dβ = Σ dy, length F.</param>
    /// <exception cref="ArgumentException">When shapes disagree.</exception>
    public static void Compact(
        Matrix<double> xHat, Matrix<double> dOut, Vector<double> variance, Vector<double> gamma, double eps,
        Matrix<double> dX, Vector<double> dGamma, Vector<double> dBeta)
    {
        int n = xHat.RowCount, f = xHat.ColumnCount;
        Check(dOut, n, f, variance, variance, gamma, dX, dGamma, dBeta);
        double[] xh = Storage.Of(xHat, nameof(xHat)), dy = Storage.Of(dOut, nameof(dOut)), dx = Storage.Of(dX, nameof(dX));
        ReadOnlySpan<double> g = Storage.Values(gamma), v = Storage.Values(variance);
        for (int j = 0; j < f; j++)
        {
            ReadOnlySpan<double> xHatJ = Storage.Column(xh, n, j), dyj = Storage.Column(dy, n, j);
            (double sumDy, double sumDyXHat) = Kernels.SumAndDot(dyj, xHatJ);   // Σ dy, Σ dy x̂
            double scale = g[j] / (n * Math.Sqrt(v[j] + eps));
            // dx = scale · (N dy - Σdy - x̂ Σ(dy x̂))
            Kernels.ScaledDifference(scale * n, dyj, scale * sumDy, scale * sumDyXHat, xHatJ, Storage.Column(dx, n, j));

            dGamma[j] = sumDyXHat;
            dBeta[j] = sumDy;
        }
    }

    private static void Check(
        Matrix<double> dOut, int n, int f, Vector<double> mean, Vector<double> variance, Vector<double> gamma,
        Matrix<double> dX, Vector<double> dGamma, Vector<double> dBeta)
    {
        const string who = "BatchNormBackward";
        Guard.Shape(dOut, n, f, who, nameof(dOut));
        Guard.Shape(dX, n, f, who, nameof(dX));
        Guard.Length(mean, f, who, nameof(mean));
        Guard.Length(variance, f, who, nameof(variance));
        Guard.Length(gamma, f, who, nameof(gamma));
        Guard.Length(dGamma, f, who, nameof(dGamma));
        Guard.Length(dBeta, f, who, nameof(dBeta));
    }
}
