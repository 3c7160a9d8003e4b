using MathNet.Numerics.LinearAlgebra;
using NormDecay.Tensors;

namespace NormDecay.Layers;

/// <summary>
/// Injects a distribution shift on purpose (Santurkar, Tsipras, Ilyas and Madry 2018, "How does batch normalization help
/// optimization?", section 2.1, "noisy BN"): in training mode every forward pass draws, for each feature j, a new scale
/// s_j ~ U[1, <see cref="MaxScale"/>] and a new shift b_j ~ U[-<see cref="MaxShift"/>, <see cref="MaxShift"/>], and returns
/// y_ij = s_j x_ij + b_j. Placed right after batch normalization, it gives every unit of the next layer an input whose mean and
/// variance change at every step: deliberate "internal covariate shift". In eval mode it is the identity.
/// </summary>
/// <remarks>Backward: dx_ij = s_j dy_ij with the s_j of the last training-mode forward (1 after an eval-mode forward).
/// The noise comes from the injected <see cref="Random"/>, so a run is reproducible.</remarks>
public sealed class NoiseInjection : LayerBase
{
    private readonly Random _random;
    private readonly double[] _scale;
    private readonly double[] _shift;

    /// <summary>Creates the layer.</summary>
    /// <param name="features">Features (columns) of its input and output, &gt; 0.</param>
    /// <param name="random">Source of the noise.</param>
    /// <param name="maxShift">Largest |b_j|, finite and &gt;= 0 (the paper's experiments shift means by up to a few units).</param>
    /// <param name="maxScale">Largest s_j, finite and &gt;= 1 (s_j is drawn from [1, maxScale]).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or range outside those limits.</exception>
    public NoiseInjection(int features, Random random, double maxShift, double maxScale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        ArgumentNullException.ThrowIfNull(random);
        if (!(maxShift >= 0) || double.IsInfinity(maxShift))
        {
            throw new ArgumentOutOfRangeException(nameof(maxShift), maxShift, "maxShift must be finite and >= 0.");
        }

        if (!(maxScale >= 1) || double.IsInfinity(maxScale))
        {
            throw new ArgumentOutOfRangeException(nameof(maxScale), maxScale, "maxScale must be finite and >= 1.");
        }

        Features = features;
        MaxShift = maxShift;
        MaxScale = maxScale;
        _random = random;
        _scale = new double[features];
        _shift = new double[features];
        _scale.AsSpan().Fill(1.0);
    }

    /// <summary>Features of the input and the output.</summary>
    public int Features { get; }

    /// <summary>Largest |shift| drawn.</summary>
    public double MaxShift { get; }

    /// <summary>Largest scale drawn (scales lie in [1, MaxScale]).</summary>
    public double MaxScale { get; }

    /// <summary>The scales s_j of the last forward pass (all 1 after an eval-mode pass).</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <summary>The shifts b_j of the last forward pass (all 0 after an eval-mode pass).</summary>
    public IReadOnlyList<double> Shift => _shift;

    /// <inheritdoc/>
    public override string Name => $"NoiseInjection({Features})";

    /// <inheritdoc/>
    public override int InputSize => Features;

    /// <inheritdoc/>
    public override int OutputSize => Features;

    /// <inheritdoc/>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        for (int j = 0; j < Features; j++)
        {
            bool noisy = mode == Mode.Train;
            _scale[j] = noisy ? 1 + (MaxScale - 1) * _random.NextDouble() : 1.0;
            _shift[j] = noisy ? MaxShift * (2 * _random.NextDouble() - 1) : 0.0;
        }

        int n = x.RowCount;
        double[] xs = Storage.Of(x, nameof(x)), y = Storage.Of(output, nameof(output));
        for (int j = 0; j < Features; j++)
        {
            ReadOnlySpan<double> xj = Storage.Column(xs, n, j);
            Span<double> yj = Storage.Column(y, n, j);
            double s = _scale[j], b = _shift[j];
            for (int i = 0; i < n; i++)
            {
                yj[i] = s * xj[i] + b;   // y = s x + b
            }
        }
    }

    /// <inheritdoc/>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        int n = dOut.RowCount;
        double[] dy = Storage.Of(dOut, nameof(dOut)), dx = Storage.Of(dX, nameof(dX));
        for (int j = 0; j < Features; j++)
        {
            Kernels.Scale(_scale[j], Storage.Column(dy, n, j), Storage.Column(dx, n, j));   // dx = s dy
        }
    }
}
