using MathNet.Numerics.LinearAlgebra;
using NormDecay.Tensors;

namespace NormDecay.Normalization;

/// <summary>
/// Batch normalization as the paper writes it (Ioffe and Szegedy 2015, Algorithm 1), over a mini-batch x of shape
/// (N, F): one short function per formula, with the paper's symbols. This is the library's reference implementation,
/// the code a lesson shows and calls; the <see cref="BatchNorm"/> layer computes the same numbers faster (buffers,
/// an input check, vectorised kernels), and the tests check that the two agree.
/// </summary>
/// <remarks>
/// <para>Every function allocates its results and reads the inputs through MathNet's vector operations, so it is slow
/// but each line is one formula. Each column (feature) j is normalized on its own; the sums run over the N rows.</para>
/// <para>The variance of normalization is always the biased one (divide by N: Math.NET's <c>PopulationVariance</c>),
/// in every convention (PyTorch, Keras, CS231n, d2l); only the stored running variance differs (see <see cref="RunningMoments"/>).</para>
/// </remarks>
public static class BatchNormReference
{
    /// <summary>
    /// The training-mode forward pass:
    /// μ = (1/N) Σ_i x_i, σ² = (1/N) Σ_i (x_i - μ)² (biased), x̂ = (x - μ) / sqrt(σ² + ε), y = γ x̂ + β.
    /// </summary>
    /// <param name="x">The batch, (N, F), N &gt;= 1 (the layer refuses N = 1 in training, as PyTorch; this formula gives x̂ = 0).</param>
    /// <param name="gamma">γ, length F (all ones for a layer that is not affine).</param>
    /// <param name="beta">β, length F (all zeros for a layer that is not affine).</param>
    /// <param name="eps">ε (&gt; 0); default 1e-5 (PyTorch).</param>
    /// <returns>μ, σ², x̂ and y.</returns>
    /// <exception cref="ArgumentException">When the shapes disagree.</exception>
    public static BatchNormForwardResult Forward(Matrix<double> x, Vector<double> gamma, Vector<double> beta, double eps = 1e-5)
    {
        Check(x, gamma, beta, eps);
        int n = x.RowCount;
        var mean = x.ColumnSums() / n;
        var variance = Vector<double>.Build.Dense(x.ColumnCount, j => (x.Column(j) - mean[j]).PointwisePower(2).Sum() / n);
        return Normalize(x, mean, variance, gamma, beta, eps);
    }

    /// <summary>
    /// Normalizes with given statistics, the eval-mode forward pass when they are the running ones:
    /// x̂ = (x - μ) / sqrt(σ² + ε), y = γ x̂ + β.
    /// </summary>
    /// <param name="x">The batch, (N, F); any N &gt;= 1.</param>
    /// <param name="mean">μ, length F (in eval: the running mean).</param>
    /// <param name="variance">σ², length F, &gt;= 0 (in eval: the running variance, unbiased under PyTorch).</param>
    /// <param name="gamma">γ, length F.</param>
    /// <param name="beta">β, length F.</param>
    /// <param name="eps">ε (&gt; 0); default 1e-5.</param>
    /// <returns>The given μ and σ², and x̂ and y.</returns>
    /// <exception cref="ArgumentException">When the shapes disagree.</exception>
    public static BatchNormForwardResult Normalize(
        Matrix<double> x, Vector<double> mean, Vector<double> variance, Vector<double> gamma, Vector<double> beta, double eps = 1e-5)
    {
        Check(x, gamma, beta, eps);
        Guard.Length(mean, x.ColumnCount, nameof(BatchNormReference), nameof(mean));
        Guard.Length(variance, x.ColumnCount, nameof(BatchNormReference), nameof(variance));
        var xHat = x.MapIndexed((i, j, v) => (v - mean[j]) / Math.Sqrt(variance[j] + eps));
        var y = xHat.MapIndexed((i, j, v) => gamma[j] * v + beta[j]);
        return new BatchNormForwardResult(mean, variance, xHat, y);
    }

    /// <summary>
    /// The training-mode backward pass node by node through the computational graph (CS231n; Karpathy, makemore part 4):
    /// dx̂ = γ dy; dσ² = Σ_i dx̂_i (x_i - μ) · (-1/2) (σ² + ε)^(-3/2); dμ = -Σ_i dx̂_i / sqrt(σ² + ε) + dσ² · (-2/N) Σ_i (x_i - μ);
    /// dx = dx̂ / sqrt(σ² + ε) + dσ² · 2 (x - μ) / N + dμ / N; dγ = Σ_i dy_i x̂_i; dβ = Σ_i dy_i.
    /// </summary>
    /// <param name="dOut">dL/dy, (N, F).</param>
    /// <param name="x">The input of the forward pass, (N, F).</param>
    /// <param name="mean">The batch mean μ of the forward pass, length F.</param>
    /// <param name="variance">The biased batch variance σ² of the forward pass, length F.</param>
    /// <param name="gamma">γ, length F (all ones when not affine).</param>
    /// <param name="eps">ε of the forward pass; default 1e-5.</param>
    /// <returns>dL/dx, dL/dγ, dL/dβ.</returns>
    /// <exception cref="ArgumentException">When the shapes disagree.</exception>
    public static BatchNormGradients BackwardFull(
        Matrix<double> dOut, Matrix<double> x, Vector<double> mean, Vector<double> variance, Vector<double> gamma, double eps = 1e-5)
    {
        CheckBackward(dOut, x, variance, gamma, eps);
        Guard.Length(mean, x.ColumnCount, nameof(BatchNormReference), nameof(mean));
        int n = x.RowCount;
        var dx = Matrix<double>.Build.Dense(n, x.ColumnCount);
        var dGamma = Vector<double>.Build.Dense(x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            var centered = x.Column(j) - mean[j];                        // x - μ
            double invStd = 1.0 / Math.Sqrt(variance[j] + eps);         // 1 / sqrt(σ² + ε)
            var dXHat = dOut.Column(j) * gamma[j];                       // dx̂ = γ dy
            double dVariance = dXHat.DotProduct(centered) * -0.5 * Math.Pow(variance[j] + eps, -1.5);
            double dMean = -dXHat.Sum() * invStd + dVariance * -2.0 * centered.Sum() / n;
            dx.SetColumn(j, dXHat * invStd + centered * (2.0 * dVariance / n) + dMean / n);
            dGamma[j] = dOut.Column(j).DotProduct(centered * invStd);   // Σ dy x̂
        }

        return new BatchNormGradients(dx, dGamma, dOut.ColumnSums());
    }

    /// <summary>
    /// The training-mode backward pass in closed form, the one the <see cref="BatchNorm"/> layer uses:
    /// dβ = Σ_i dy_i, dγ = Σ_i dy_i x̂_i, dx = γ / (N sqrt(σ² + ε)) · (N dy - dβ - x̂ dγ).
    /// </summary>
    /// <param name="dOut">dL/dy, (N, F).</param>
    /// <param name="xHat">x̂ of the forward pass, (N, F).</param>
    /// <param name="variance">The biased batch variance σ² of the forward pass, length F.</param>
    /// <param name="gamma">γ, length F (all ones when not affine).</param>
    /// <param name="eps">ε of the forward pass; default 1e-5.</param>
    /// <returns>dL/dx, dL/dγ, dL/dβ.</returns>
    /// <exception cref="ArgumentException">When the shapes disagree.</exception>
    public static BatchNormGradients BackwardCompact(
        Matrix<double> dOut, Matrix<double> xHat, Vector<double> variance, Vector<double> gamma, double eps = 1e-5)
    {
        CheckBackward(dOut, xHat, variance, gamma, eps);
        int n = dOut.RowCount;
        var dBeta = dOut.ColumnSums();
        var dGamma = dOut.PointwiseMultiply(xHat).ColumnSums();
        var dx = dOut.MapIndexed((i, j, dy) =>
            gamma[j] / (n * Math.Sqrt(variance[j] + eps)) * (n * dy - dBeta[j] - xHat[i, j] * dGamma[j]));
        return new BatchNormGradients(dx, dGamma, dBeta);
    }

    /// <summary>
    /// The eval-mode backward pass: with the running statistics fixed, x̂ is affine in x, so
    /// dx = γ dy / sqrt(r_σ² + ε); dγ = Σ_i dy_i x̂_i; dβ = Σ_i dy_i.
    /// </summary>
    /// <param name="dOut">dL/dy, (N, F).</param>
    /// <param name="xHat">x̂ of the forward pass, (N, F).</param>
    /// <param name="variance">The variance the forward pass divided by (the running variance r_σ²), length F.</param>
    /// <param name="gamma">γ, length F.</param>
    /// <param name="eps">ε of the forward pass; default 1e-5.</param>
    /// <returns>dL/dx, dL/dγ, dL/dβ.</returns>
    /// <exception cref="ArgumentException">When the shapes disagree.</exception>
    public static BatchNormGradients BackwardEval(
        Matrix<double> dOut, Matrix<double> xHat, Vector<double> variance, Vector<double> gamma, double eps = 1e-5)
    {
        CheckBackward(dOut, xHat, variance, gamma, eps);
        var dx = dOut.MapIndexed((i, j, dy) => gamma[j] * dy / Math.Sqrt(variance[j] + eps));
        return new BatchNormGradients(dx, dOut.PointwiseMultiply(xHat).ColumnSums(), dOut.ColumnSums());
    }

    private static void Check(Matrix<double> x, Vector<double> gamma, Vector<double> beta, double eps)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Features(x, x.ColumnCount, nameof(BatchNormReference));   // at least one row
        Guard.Length(gamma, x.ColumnCount, nameof(BatchNormReference), nameof(gamma));
        Guard.Length(beta, x.ColumnCount, nameof(BatchNormReference), nameof(beta));
        Eps(eps);
    }

    private static void CheckBackward(Matrix<double> dOut, Matrix<double> cached, Vector<double> variance, Vector<double> gamma, double eps)
    {
        ArgumentNullException.ThrowIfNull(cached);
        Guard.Features(cached, cached.ColumnCount, nameof(BatchNormReference));
        Guard.Shape(dOut, cached.RowCount, cached.ColumnCount, nameof(BatchNormReference), nameof(dOut));
        Guard.Length(variance, cached.ColumnCount, nameof(BatchNormReference), nameof(variance));
        Guard.Length(gamma, cached.ColumnCount, nameof(BatchNormReference), nameof(gamma));
        Eps(eps);
    }

    private static void Eps(double eps)
    {
        if (!(eps > 0) || !double.IsFinite(eps))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, $"BatchNormReference: eps must be finite and > 0, got {eps}.");
        }
    }
}
