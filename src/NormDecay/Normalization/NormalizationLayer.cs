using MathNet.Numerics.LinearAlgebra;
using NormDecay.Layers;
using NormDecay.Tensors;

namespace NormDecay.Normalization;

/// <summary>
/// What <see cref="BatchNorm"/>, <see cref="LayerNorm"/> and <see cref="GroupNorm"/> share: F features, the normalized
/// input x̂ of the last forward, and the learnable scale γ and shift β of y = γ x̂ + β with their gradients, one per feature
/// (BatchNorm, LayerNorm) or one per channel of a (C, H, W) image (GroupNorm).
/// </summary>
/// <remarks>
/// γ starts at 1 and β at 0 (Ioffe and Szegedy 2015; PyTorch and Keras). When the layer is not affine (PyTorch
/// <c>affine=False</c>) γ stays 1 and β stays 0, and <see cref="Parameters"/> is empty so no optimizer moves them.
/// For both layers dL/dγ_j = Σ_i dy_ij x̂_ij and dL/dβ_j = Σ_i dy_ij, summed over the rows of the batch.
/// </remarks>
public abstract class NormalizationLayer : LayerBase
{
    private readonly Parameter _gamma;
    private readonly Parameter _beta;
    private readonly Parameter[] _parameters;
    private readonly RowBuffers _xHatBuffers;
    private Matrix<double>? _xHat;

    /// <summary>Creates γ = 1 and β = 0 for <paramref name="features"/> features, one of each per feature.</summary>
    /// <param name="features">F (&gt; 0).</param>
    /// <param name="name">Name prefix of the parameters (<c>bn</c> gives <c>bn.gamma</c>, <c>bn.beta</c>).</param>
    /// <param name="affine">Whether γ and β are learned (listed in <see cref="Parameters"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">When features is not positive.</exception>
    private protected NormalizationLayer(int features, string name, bool affine)
        : this(features, features, name, affine)
    {
    }

    /// <summary>Creates γ = 1 and β = 0, <paramref name="scales"/> of each, for <paramref name="features"/> features.</summary>
    /// <param name="features">F (&gt; 0), the columns of x and x̂.</param>
    /// <param name="scales">The length of γ and β (&gt; 0): F, or the channel count C when F = C·H·W.</param>
    /// <param name="name">Name prefix of the parameters.</param>
    /// <param name="affine">Whether γ and β are learned (listed in <see cref="Parameters"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">When features or scales is not positive.</exception>
    private protected NormalizationLayer(int features, int scales, string name, bool affine)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scales);
        ArgumentNullException.ThrowIfNull(name);
        Features = features;
        _gamma = new Parameter($"{name}.gamma", scales, 1);
        _beta = new Parameter($"{name}.beta", scales, 1);
        _gamma.Value.AsSpan().Fill(1.0);
        _parameters = affine ? [_gamma, _beta] : [];
        Gamma = _gamma.ValueVector();
        Beta = _beta.ValueVector();
        GammaGradient = _gamma.GradientVector();
        BetaGradient = _beta.GradientVector();
        _xHatBuffers = new RowBuffers(features);
    }

    /// <summary>F, the number of features.</summary>
    public int Features { get; }

    /// <inheritdoc/>
    public override int InputSize => Features;

    /// <inheritdoc/>
    public override int OutputSize => Features;

    /// <summary>γ and β when the layer is affine; empty otherwise.</summary>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>γ (scale), length F (per channel for <see cref="GroupNorm"/>), initially 1; stays 1 when the layer is not affine.</summary>
    public Vector<double> Gamma { get; }

    /// <summary>β (shift), length F (per channel for <see cref="GroupNorm"/>), initially 0; stays 0 when the layer is not affine.</summary>
    public Vector<double> Beta { get; }

    /// <summary>dL/dγ = Σ_i dy_i x̂_i of the last backward (summed over a channel's positions too for <see cref="GroupNorm"/>), the length of γ.</summary>
    public Vector<double> GammaGradient { get; }

    /// <summary>dL/dβ = Σ_i dy_i of the last backward, the length of β.</summary>
    public Vector<double> BetaGradient { get; }

    /// <summary>x̂ of the last forward, (N, F); a buffer reused by the next forward with the same N.</summary>
    /// <exception cref="InvalidOperationException">Before the first forward.</exception>
    public Matrix<double> XHat => _xHat ?? throw new InvalidOperationException($"{Name}: XHat is available after the first Forward.");

    /// <summary>The storage of γ, for the kernels.</summary>
    private protected double[] GammaValues => _gamma.Value;

    /// <summary>The storage of β, for the kernels.</summary>
    private protected double[] BetaValues => _beta.Value;

    /// <summary>The storage of dL/dγ, for the kernels.</summary>
    private protected double[] GammaGradientValues => _gamma.Gradient;

    /// <summary>The storage of dL/dβ, for the kernels.</summary>
    private protected double[] BetaGradientValues => _beta.Gradient;

    /// <summary>The x̂ buffer for a batch of <paramref name="rows"/> rows, which becomes <see cref="XHat"/>.</summary>
    private protected Matrix<double> NextXHat(int rows) => _xHat = _xHatBuffers.Get(rows);

    /// <summary>dL/dγ_j = Σ_i dy_ij x̂_ij and dL/dβ_j = Σ_i dy_ij, column by column, into <see cref="GammaGradient"/> and <see cref="BetaGradient"/>.</summary>
    private protected void AccumulateAffineGradients(double[] dy, double[] xHat, int rows)
    {
        double[] dGamma = _gamma.Gradient, dBeta = _beta.Gradient;
        for (int j = 0; j < Features; j++)
        {
            (dBeta[j], dGamma[j]) = Kernels.SumAndDot(Storage.Column(dy, rows, j), Storage.Column(xHat, rows, j));
        }
    }
}
