using MathNet.Numerics.LinearAlgebra;
using NormDecay.Tensors;

namespace NormDecay.Normalization;

/// <summary>
/// Layer normalization (Ba, Kiros and Hinton 2016; PyTorch <c>nn.LayerNorm(F)</c>): each example (row) is normalized
/// over its own F features, so it behaves the same in training and eval and needs no running statistics.
/// </summary>
/// <remarks>
/// For row i: μ_i = (1/F) Σ_j x_ij, σ²_i = (1/F) Σ_j (x_ij - μ_i)² (biased), x̂_ij = (x_ij - μ_i)/sqrt(σ²_i + ε), y_ij = γ_j x̂_ij + β_j.
/// Backward: with g_ij = γ_j dy_ij, dx_ij = (1/(F sqrt(σ²_i + ε))) (F g_ij - Σ_k g_ik - x̂_ij Σ_k g_ik x̂_ik);
/// dγ_j = Σ_i dy_ij x̂_ij; dβ_j = Σ_i dy_ij. γ starts at 1, β at 0; ε default 1e-5 (PyTorch).
/// </remarks>
public sealed class LayerNorm : NormalizationLayer
{
    private double[] _invStd = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="features">F (&gt; 0).</param>
    /// <param name="eps">ε (&gt; 0), default 1e-5.</param>
    /// <param name="name">Parameter name prefix; default <c>ln</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When features or eps is not positive.</exception>
    public LayerNorm(int features, double eps = 1e-5, string name = "ln")
        : base(features, name, affine: true)
    {
        if (!(eps > 0) || !double.IsFinite(eps))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, $"eps must be finite and > 0, got {eps}.");
        }

        Name = $"LayerNorm({features})";
        Eps = eps;
    }

    /// <summary>ε.</summary>
    public double Eps { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        int n = x.RowCount, f = Features;
        if (_invStd.Length < n)
        {
            _invStd = new double[n];
        }

        double[] xs = Storage.Of(x, nameof(x)), xh = Storage.Of(NextXHat(n), "xHat"), y = Storage.Of(output, nameof(output));
        double[] gamma = GammaValues, beta = BetaValues;
        for (int i = 0; i < n; i++)
        {
            double mu = 0;
            for (int j = 0; j < f; j++)
            {
                mu += xs[j * n + i];
            }

            mu /= f;
            double ss = 0;
            for (int j = 0; j < f; j++)
            {
                double c = xs[j * n + i] - mu;
                ss += c * c;
            }

            double invStd = 1.0 / Math.Sqrt(ss / f + Eps);
            _invStd[i] = invStd;
            for (int j = 0; j < f; j++)
            {
                int k = j * n + i;
                xh[k] = (xs[k] - mu) * invStd;
                y[k] = gamma[j] * xh[k] + beta[j];
            }
        }
    }

    /// <inheritdoc/>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        int n = dOut.RowCount, f = Features;
        double[] dy = Storage.Of(dOut, nameof(dOut)), dx = Storage.Of(dX, nameof(dX)), xh = Storage.Of(XHat, "xHat");
        double[] gamma = GammaValues;
        AccumulateAffineGradients(dy, xh, n);
        for (int i = 0; i < n; i++)
        {
            double sumG = 0, sumGXHat = 0;
            for (int j = 0; j < f; j++)
            {
                int k = j * n + i;
                double g = gamma[j] * dy[k];
                sumG += g;
                sumGXHat += g * xh[k];
            }

            double scale = _invStd[i] / f;
            for (int j = 0; j < f; j++)
            {
                int k = j * n + i;
                dx[k] = scale * (f * gamma[j] * dy[k] - sumG - xh[k] * sumGXHat);
            }
        }
    }
}
