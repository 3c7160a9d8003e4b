using MathNet.Numerics.LinearAlgebra;
using NormDecay.Layers;
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
public sealed class LayerNorm : LayerBase
{
    private readonly Parameter _gamma;
    private readonly Parameter _beta;
    private readonly Parameter[] _parameters;
    private readonly RowBuffers _xHatBuffers;
    private double[] _invStd = [];
    private Matrix<double>? _xHat;

    /// <summary>Creates the layer.</summary>
    /// <param name="features">F (&gt; 0).</param>
    /// <param name="eps">ε (&gt; 0), default 1e-5.</param>
    /// <param name="name">Parameter name prefix; default <c>ln</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When features or eps is not positive.</exception>
    public LayerNorm(int features, double eps = 1e-5, string name = "ln")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        if (!(eps > 0) || !double.IsFinite(eps))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, $"eps must be finite and > 0, got {eps}.");
        }

        Features = features;
        Name = $"LayerNorm({features})";
        Eps = eps;
        _gamma = new Parameter($"{name}.gamma", features, 1);
        _beta = new Parameter($"{name}.beta", features, 1);
        _gamma.Value.AsSpan().Fill(1.0);
        _parameters = [_gamma, _beta];
        Gamma = _gamma.ValueVector();
        Beta = _beta.ValueVector();
        GammaGradient = _gamma.GradientVector();
        BetaGradient = _beta.GradientVector();
        _xHatBuffers = new RowBuffers(features);
    }

    /// <summary>F.</summary>
    public int Features { get; }

    /// <summary>ε.</summary>
    public double Eps { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override int InputSize => Features;

    /// <inheritdoc/>
    public override int OutputSize => Features;

    /// <inheritdoc/>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>γ, length F.</summary>
    public Vector<double> Gamma { get; }

    /// <summary>β, length F.</summary>
    public Vector<double> Beta { get; }

    /// <summary>dL/dγ of the last backward.</summary>
    public Vector<double> GammaGradient { get; }

    /// <summary>dL/dβ of the last backward.</summary>
    public Vector<double> BetaGradient { get; }

    /// <summary>x̂ of the last forward.</summary>
    /// <exception cref="InvalidOperationException">Before the first forward.</exception>
    public Matrix<double> XHat => _xHat ?? throw new InvalidOperationException($"{Name}: XHat is available after the first Forward.");

    /// <inheritdoc/>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        int n = x.RowCount, f = Features;
        if (_invStd.Length < n)
        {
            _invStd = new double[n];
        }

        _xHat = _xHatBuffers.Get(n);
        double[] xs = Storage.Of(x, nameof(x)), xh = Storage.Of(_xHat, "xHat"), y = Storage.Of(output, nameof(output));
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
                y[k] = _gamma.Value[j] * xh[k] + _beta.Value[j];
            }
        }
    }

    /// <inheritdoc/>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        int n = dOut.RowCount, f = Features;
        double[] dy = Storage.Of(dOut, nameof(dOut)), dx = Storage.Of(dX, nameof(dX)), xh = Storage.Of(_xHat!, "xHat");
        double[] gamma = _gamma.Value;
        for (int j = 0; j < f; j++)
        {
            _gamma.Gradient[j] = Kernels.Dot(dy.AsSpan(j * n, n), xh.AsSpan(j * n, n));
            _beta.Gradient[j] = Kernels.Sum(dy.AsSpan(j * n, n));
        }

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
