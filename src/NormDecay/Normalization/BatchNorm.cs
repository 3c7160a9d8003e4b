using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using NormDecay.Layers;
using NormDecay.Tensors;

namespace NormDecay.Normalization;

/// <summary>
/// Batch normalization over a mini-batch of shape (N, F) (Ioffe and Szegedy 2015; PyTorch <c>nn.BatchNorm1d</c>):
/// each feature is normalized with the batch's statistics in training and with running statistics at test time,
/// then scaled by γ and shifted by β.
/// </summary>
/// <remarks>
/// <para>Train: μ = (1/N) Σ_i x_i, σ² = (1/N) Σ_i (x_i - μ)² (biased, N), x̂ = (x - μ)/sqrt(σ² + ε), y = γ x̂ + β;
/// then the running statistics are updated (see <see cref="RunningStatistics"/>).</para>
/// <para>Eval: x̂ = (x - r_μ)/sqrt(r_σ² + ε) with the running statistics; with <see cref="RunningAverage.None"/> the batch statistics instead.</para>
/// <para>Backward uses <see cref="BatchNormBackward.Compact"/>. γ starts at 1, β at 0.</para>
/// </remarks>
public sealed class BatchNorm : LayerBase
{
    private readonly Parameter _gamma;
    private readonly Parameter _beta;
    private readonly Parameter[] _parameters;
    private readonly RowBuffers _xHatBuffers;
    private readonly Vector<double> _ones;
    private readonly double[] _mean, _variance, _runningMean, _runningVariance, _columnSums;
    private Matrix<double>? _xHat;
    private bool _usedBatchStatistics;

    /// <summary>Creates the layer for <paramref name="features"/> features.</summary>
    /// <param name="features">F (&gt; 0).</param>
    /// <param name="options">Conventions; default <see cref="BatchNormOptions.PyTorch"/>.</param>
    /// <param name="name">Name prefix of the parameters; default <c>bn</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When features is not positive or an option is out of range.</exception>
    public BatchNorm(int features, BatchNormOptions? options = null, string name = "bn")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        Options = options ?? BatchNormOptions.PyTorch;
        Options.Validate();
        Features = features;
        Name = $"BatchNorm({features})";
        _gamma = new Parameter($"{name}.gamma", features, 1);
        _beta = new Parameter($"{name}.beta", features, 1);
        _gamma.Value.AsSpan().Fill(1.0);
        Gamma = _gamma.ValueVector();
        Beta = _beta.ValueVector();
        GammaGradient = _gamma.GradientVector();
        BetaGradient = _beta.GradientVector();
        _parameters = Options.Affine ? [_gamma, _beta] : [];
        Running = new RunningStatistics(features, Options);
        Mean = new DenseVector(features);
        Variance = new DenseVector(features);
        _ones = DenseVector.Create(features, 1.0);
        _xHatBuffers = new RowBuffers(features);
        _mean = Storage.Of(Mean, nameof(Mean));
        _variance = Storage.Of(Variance, nameof(Variance));
        _runningMean = Storage.Of(Running.Mean, nameof(RunningMean));
        _runningVariance = Storage.Of(Running.Variance, nameof(RunningVariance));
        _columnSums = new double[features];
    }

    /// <summary>The conventions in use.</summary>
    public BatchNormOptions Options { get; }

    /// <summary>F, the number of features normalized.</summary>
    public int Features { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override int InputSize => Features;

    /// <inheritdoc/>
    public override int OutputSize => Features;

    /// <summary>γ and β when <see cref="BatchNormOptions.Affine"/>; empty otherwise.</summary>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>γ (scale), length F, initially 1; fixed at 1 when not affine.</summary>
    public Vector<double> Gamma { get; }

    /// <summary>β (shift), length F, initially 0; fixed at 0 when not affine.</summary>
    public Vector<double> Beta { get; }

    /// <summary>dL/dγ = Σ_i dy_i x̂_i of the last backward.</summary>
    public Vector<double> GammaGradient { get; }

    /// <summary>dL/dβ = Σ_i dy_i of the last backward.</summary>
    public Vector<double> BetaGradient { get; }

    /// <summary>The running statistics object (mean, variance, batches tracked).</summary>
    public RunningStatistics Running { get; }

    /// <summary>Running mean used in eval mode.</summary>
    public Vector<double> RunningMean => Running.Mean;

    /// <summary>Running variance used in eval mode (unbiased for PyTorch, biased for Keras/CS231n/d2l).</summary>
    public Vector<double> RunningVariance => Running.Variance;

    /// <summary>Training batches seen (PyTorch <c>num_batches_tracked</c>).</summary>
    public long NumBatchesTracked => Running.NumBatchesTracked;

    /// <summary>Mean used by the last forward: the batch mean in training, the running mean in eval (batch mean without running statistics).</summary>
    public Vector<double> Mean { get; }

    /// <summary>Variance used by the last forward: the biased batch variance in training, the running variance in eval.</summary>
    public Vector<double> Variance { get; }

    /// <summary>x̂ of the last forward, (N, F); a buffer reused by the next forward with the same N.</summary>
    /// <exception cref="InvalidOperationException">Before the first forward.</exception>
    public Matrix<double> XHat => _xHat ?? throw new InvalidOperationException($"{Name}: XHat is available after the first Forward.");

    /// <summary>Whether inputs are scanned for NaN/infinity (default true). <see cref="Networks.Mlp"/> turns it off so the trainer can record divergence.</summary>
    public bool ValidateInput { get; set; } = true;

    /// <inheritdoc/>
    /// <remarks>
    /// Column j of the column-major input is feature j, contiguous in memory, so each step below runs down one
    /// column while it is in cache. Pass 1 sums every column (Σ_i x_ij); a NaN or ±∞ makes its column's sum
    /// non-finite, so the input check rescans only such columns instead of reading the whole input once more.
    /// Pass 2, per feature: μ, σ², then x̂ and y in one sweep.
    /// </remarks>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        int n = x.RowCount;
        double[] xs = Storage.Of(x, nameof(x));
        bool useBatchStatistics = mode == Mode.Train || !Running.Enabled;
        if (useBatchStatistics)
        {
            for (int j = 0; j < Features; j++)
            {
                _columnSums[j] = Kernels.Sum(Storage.Column(xs, n, j));
            }

            if (ValidateInput)
            {
                Guard.Finite(x, _columnSums, Name);
            }

            if (n == 1)
            {
                throw new ArgumentException(
                    $"Expected more than 1 value per channel when training, got input size ({n}, {Features})"
                    + (mode == Mode.Eval ? " (eval mode without running statistics normalizes with the batch statistics)." : "."),
                    nameof(x));
            }
        }
        else if (ValidateInput)
        {
            Guard.Finite(x, Name);
        }

        _usedBatchStatistics = useBatchStatistics;
        _xHat = _xHatBuffers.Get(n);
        double[] xh = Storage.Of(_xHat, "xHat"), y = Storage.Of(output, nameof(output));
        double[] mean = _mean, variance = _variance, gamma = _gamma.Value, beta = _beta.Value;
        double[] runningMean = _runningMean, runningVariance = _runningVariance;
        for (int j = 0; j < Features; j++)
        {
            ReadOnlySpan<double> xj = Storage.Column(xs, n, j);
            if (useBatchStatistics)
            {
                mean[j] = _columnSums[j] / n;                                   // μ = (1/N) Σ x
                variance[j] = Kernels.SumSquaredDeviations(xj, mean[j]) / n;   // σ² = (1/N) Σ (x - μ)²
            }
            else
            {
                mean[j] = runningMean[j];
                variance[j] = runningVariance[j];
            }

            double invStd = 1.0 / Math.Sqrt(variance[j] + Options.Eps);
            // x̂ = (x - μ) / sqrt(σ² + ε), y = γ x̂ + β
            Kernels.Normalize(xj, mean[j], invStd, gamma[j], beta[j], Storage.Column(xh, n, j), Storage.Column(y, n, j));
        }

        if (mode == Mode.Train)
        {
            Running.Update(Mean, Variance, n);
        }
    }

    /// <inheritdoc/>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        Vector<double> gamma = Options.Affine ? Gamma : _ones;
        if (_usedBatchStatistics)
        {
            BatchNormBackward.Compact(_xHat!, dOut, Variance, gamma, Options.Eps, dX, GammaGradient, BetaGradient);
            return;
        }

        // Eval with running statistics: x̂ is affine in x, so dx = γ dy / sqrt(r_σ² + ε).
        int n = dOut.RowCount;
        double[] dy = Storage.Of(dOut, nameof(dOut)), dx = Storage.Of(dX, nameof(dX)), xh = Storage.Of(_xHat!, "xHat");
        double[] g = Storage.Of(gamma, nameof(gamma)), dGamma = _gamma.Gradient, dBeta = _beta.Gradient;
        for (int j = 0; j < Features; j++)
        {
            ReadOnlySpan<double> dyj = Storage.Column(dy, n, j);
            Kernels.Scale(g[j] / Math.Sqrt(_variance[j] + Options.Eps), dyj, Storage.Column(dx, n, j));
            (dBeta[j], dGamma[j]) = Kernels.SumAndDot(dyj, Storage.Column(xh, n, j));   // Σ dy, Σ dy x̂
        }
    }
}
