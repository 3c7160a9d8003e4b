using MathNet.Numerics.LinearAlgebra;
using NormDecay.Layers;
using NormDecay.Tensors;

namespace NormDecay.Normalization;

/// <summary>
/// Group normalization (Wu and He 2018; PyTorch <c>nn.GroupNorm(G, C)</c>): the C channels are split into G groups of C/G
/// consecutive channels, and each example is normalized over each of its groups (the group's channels and all their
/// spatial positions). Nothing is averaged over the batch, so training and eval behave the same for any batch size.
/// </summary>
/// <remarks>
/// <para>For example n and group g with the m = (C/G)·H·W values x[n, c, h, w], c in g: μ_ng = (1/m) Σ x,
/// σ²_ng = (1/m) Σ (x - μ_ng)² (biased), x̂ = (x - μ_ng)/sqrt(σ²_ng + ε), y = γ_c x̂ + β_c with one γ and β per channel
/// (γ starts at 1, β at 0; ε default 1e-5, as PyTorch).</para>
/// <para>Backward, per (n, g) with g_k = γ_c dy_k over the group's m entries:
/// dx_k = (1/(m sqrt(σ²_ng + ε))) (m g_k - Σ g - x̂_k Σ g x̂); dγ_c = Σ_{n,h,w} dy x̂; dβ_c = Σ_{n,h,w} dy.</para>
/// <para>Special cases: G = 1 is layer normalization over (C, H, W) (for H = W = 1 it equals <see cref="LayerNorm"/>);
/// G = C is instance normalization. Dense features are the case H = W = 1 (<c>new ImageShape(F, 1, 1)</c>).</para>
/// </remarks>
public sealed class GroupNorm : NormalizationLayer
{
    private double[] _invStd = [], _sum = [], _sum2 = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="groups">G (&gt; 0, divides C).</param>
    /// <param name="shape">(C, H, W) of one example; use (F, 1, 1) for F dense features.</param>
    /// <param name="eps">ε (&gt; 0), default 1e-5.</param>
    /// <param name="name">Parameter name prefix; default <c>gn</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When G is not positive, does not divide C, or ε is not positive.</exception>
    public GroupNorm(int groups, ImageShape shape, double eps = 1e-5, string name = "gn")
        : base(Validated(shape).Size, shape.Channels, name, affine: true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        if (shape.Channels % groups != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(groups), groups, $"GroupNorm: num_channels must be divisible by num_groups, got {shape.Channels} channels and {groups} groups.");
        }

        if (!(eps > 0) || !double.IsFinite(eps))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, $"eps must be finite and > 0, got {eps}.");
        }

        Groups = groups;
        Shape = shape;
        Eps = eps;
        Name = $"GroupNorm({groups}, {shape.Channels})";
    }

    /// <summary>G.</summary>
    public int Groups { get; }

    /// <summary>(C, H, W) of one example.</summary>
    public ImageShape Shape { get; }

    /// <summary>ε.</summary>
    public double Eps { get; }

    /// <summary>m = (C/G)·H·W, the number of values each (example, group) statistic is taken over.</summary>
    public int GroupSize => Shape.Size / Groups;

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    /// <remarks>The group's columns are contiguous in the column-major batch, so the sums run down columns and
    /// accumulate one value per example.</remarks>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        Guard.Finite(x, Label);
        int n = x.RowCount, m = GroupSize, spatial = Shape.Spatial;
        Ensure(n);
        double[] xs = Storage.Of(x, nameof(x)), xh = Storage.Of(NextXHat(n), "xHat"), y = Storage.Of(output, nameof(output));
        for (int g = 0; g < Groups; g++)
        {
            Span<double> sum = _sum.AsSpan(0, n), sum2 = _sum2.AsSpan(0, n), invStd = _invStd.AsSpan(g * n, n);
            sum.Clear();
            sum2.Clear();
            for (int k = g * m; k < (g + 1) * m; k++)
            {
                Kernels.Axpy(1.0, xs.AsSpan(k * n, n), sum);
            }

            for (int e = 0; e < n; e++)
            {
                sum[e] /= m;                                                   // μ_ng
            }

            for (int k = g * m; k < (g + 1) * m; k++)
            {
                ReadOnlySpan<double> column = xs.AsSpan(k * n, n);
                for (int e = 0; e < n; e++)
                {
                    double centered = column[e] - sum[e];
                    sum2[e] += centered * centered;
                }
            }

            for (int e = 0; e < n; e++)
            {
                invStd[e] = 1.0 / Math.Sqrt(sum2[e] / m + Eps);                // 1 / sqrt(σ²_ng + ε)
            }

            for (int k = g * m; k < (g + 1) * m; k++)
            {
                int c = k / spatial;
                double gamma = GammaValues[c], beta = BetaValues[c];
                for (int e = 0; e < n; e++)
                {
                    int at = k * n + e;
                    xh[at] = (xs[at] - sum[e]) * invStd[e];
                    y[at] = gamma * xh[at] + beta;
                }
            }
        }
    }

    /// <inheritdoc/>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        int n = dOut.RowCount, m = GroupSize, spatial = Shape.Spatial;
        double[] dy = Storage.Of(dOut, nameof(dOut)), dx = Storage.Of(dX, nameof(dX)), xh = Storage.Of(XHat, "xHat");
        double[] dGamma = GammaGradientValues, dBeta = BetaGradientValues;
        dGamma.AsSpan().Clear();
        dBeta.AsSpan().Clear();
        for (int k = 0; k < Shape.Size; k++)
        {
            int c = k / spatial;
            (double sumDy, double sumDyXHat) = Kernels.SumAndDot(dy.AsSpan(k * n, n), xh.AsSpan(k * n, n));
            dBeta[c] += sumDy;
            dGamma[c] += sumDyXHat;
        }

        for (int g = 0; g < Groups; g++)
        {
            Span<double> sumG = _sum.AsSpan(0, n), sumGXHat = _sum2.AsSpan(0, n);
            ReadOnlySpan<double> invStd = _invStd.AsSpan(g * n, n);
            sumG.Clear();
            sumGXHat.Clear();
            for (int k = g * m; k < (g + 1) * m; k++)
            {
                double gamma = GammaValues[k / spatial];
                for (int e = 0; e < n; e++)
                {
                    double gk = gamma * dy[k * n + e];
                    sumG[e] += gk;
                    sumGXHat[e] += gk * xh[k * n + e];
                }
            }

            for (int k = g * m; k < (g + 1) * m; k++)
            {
                double gamma = GammaValues[k / spatial];
                for (int e = 0; e < n; e++)
                {
                    int at = k * n + e;
                    // dx = (1/(m sqrt(σ² + ε))) (m g - Σ g - x̂ Σ g x̂)
                    dx[at] = invStd[e] / m * (m * gamma * dy[at] - sumG[e] - xh[at] * sumGXHat[e]);
                }
            }
        }
    }

    private void Ensure(int n)
    {
        if (_sum.Length < n)
        {
            _sum = new double[n];
            _sum2 = new double[n];
        }

        if (_invStd.Length < Groups * n)
        {
            _invStd = new double[Groups * n];
        }
    }

    private static ImageShape Validated(ImageShape shape)
    {
        shape.Validate();
        return shape;
    }
}
