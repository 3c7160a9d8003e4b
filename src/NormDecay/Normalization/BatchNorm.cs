using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using NormDecay.Tensors;

namespace NormDecay.Normalization;

/// <summary>
/// Batch normalization over a mini-batch of shape (N, F) (Ioffe and Szegedy 2015; PyTorch <c>nn.BatchNorm1d</c>):
/// each feature is normalized with the batch's statistics in training and with running statistics at test time,
/// then scaled by γ and shifted by β. This is the fast path; <see cref="BatchNormReference"/> is the same math written
/// formula by formula (the tests check that the two agree).
/// </summary>
/// <remarks>
/// <para>Train: μ = (1/N) Σ_i x_i, σ² = (1/N) Σ_i (x_i - μ)² (biased, N), x̂ = (x - μ)/sqrt(σ² + ε), y = γ x̂ + β
/// (<see cref="BatchNormReference.Forward"/>); then the running statistics are updated (see <see cref="RunningMoments"/>).</para>
/// <para>Eval: x̂ = (x - r_μ)/sqrt(r_σ² + ε) with the running statistics (<see cref="BatchNormReference.Normalize"/>);
/// with <see cref="RunningAverage.None"/> the batch statistics instead.</para>
/// <para>Backward: the compact form (<see cref="BatchNormReference.BackwardCompact"/>) after batch statistics,
/// dx = γ dy / sqrt(r_σ² + ε) (<see cref="BatchNormReference.BackwardEval"/>) after running ones. γ starts at 1, β at 0.</para>
/// </remarks>
public sealed class BatchNorm : NormalizationLayer
{
    private readonly double[] _batchMean, _batchVariance, _runningMean, _runningVariance, _columnSums;
    private bool _usedBatchStatistics;

    /// <summary>Creates the layer for <paramref name="features"/> features.</summary>
    /// <param name="features">F (&gt; 0).</param>
    /// <param name="options">Conventions; default <see cref="BatchNormOptions.PyTorch"/>.</param>
    /// <param name="name">Name prefix of the parameters; default <c>bn</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When features is not positive or an option is out of range.</exception>
    public BatchNorm(int features, BatchNormOptions? options = null, string name = "bn")
        : base(features, name, (options ?? BatchNormOptions.PyTorch).Affine)
    {
        Options = options ?? BatchNormOptions.PyTorch;
        Options.Validate();
        Name = $"BatchNorm({features})";
        RunningMoments = new RunningMoments(features, Options);
        BatchMean = new DenseVector(features);
        BatchVariance = new DenseVector(features);
        _batchMean = Storage.Of(BatchMean, nameof(BatchMean));
        _batchVariance = Storage.Of(BatchVariance, nameof(BatchVariance));
        _runningMean = Storage.Of(RunningMoments.Mean, nameof(RunningMean));
        _runningVariance = Storage.Of(RunningMoments.Variance, nameof(RunningVariance));
        _columnSums = new double[features];
    }

    /// <summary>The conventions in use.</summary>
    public BatchNormOptions Options { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <summary>The running statistics (mean, variance, batches tracked) and their update rule.</summary>
    public RunningMoments RunningMoments { get; }

    /// <summary>Running mean r_μ used in eval mode, length F; starts at 0.</summary>
    public Vector<double> RunningMean => RunningMoments.Mean;

    /// <summary>
    /// Running variance r_σ² used in eval mode, length F: an average of unbiased (÷(N-1)) batch variances under
    /// PyTorch (the default), of biased (÷N) ones under Keras, CS231n and d2l (<see cref="BatchNormOptions.UnbiasedRunningVariance"/>).
    /// Not the variance training normalizes with: that is <see cref="BatchVariance"/>.
    /// </summary>
    public Vector<double> RunningVariance => RunningMoments.Variance;

    /// <summary>Training batches seen (PyTorch <c>num_batches_tracked</c>).</summary>
    public long NumBatchesTracked => RunningMoments.NumBatchesTracked;

    /// <summary>
    /// μ_B = (1/N) Σ_i x_i, length F: the mean of the last batch normalized with its own statistics (every training
    /// forward; eval without running statistics). An eval forward with running statistics leaves it unchanged.
    /// Zero before the first such forward.
    /// </summary>
    public Vector<double> BatchMean { get; }

    /// <summary>
    /// σ²_B = (1/N) Σ_i (x_i - μ_B)², length F, &gt;= 0: the biased (divides by N, Math.NET's <c>PopulationVariance</c>)
    /// variance of the same batch as <see cref="BatchMean"/>, the one x̂ is divided by in training, in every convention.
    /// Not the stored <see cref="RunningVariance"/> (N-1 under PyTorch). Zero before the first such forward.
    /// </summary>
    public Vector<double> BatchVariance { get; }

    /// <summary>Whether inputs are scanned for NaN/infinity (default true). <see cref="Networks.Mlp"/> turns it off so the trainer can record divergence.</summary>
    public bool ValidateInput { get; set; } = true;

    /// <inheritdoc/>
    /// <remarks>
    /// Column j of the column-major input is feature j, contiguous in memory, so each step below runs down one
    /// column while it is in cache. Pass 1 sums every column (Σ_i x_ij); a NaN or ±∞ makes its column's sum
    /// non-finite, so the input check rescans only such columns instead of reading the whole input once more.
    /// Pass 2, per feature: μ, σ², then x̂ and y in one sweep. Nothing changes before the input is checked.
    /// </remarks>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        int n = x.RowCount;
        double[] xs = Storage.Of(x, nameof(x));
        bool useBatchStatistics = mode == Mode.Train || !RunningMoments.Enabled;
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
        double[] xHat = Storage.Of(NextXHat(n), "xHat"), y = Storage.Of(output, nameof(output));
        double[] gamma = GammaValues, beta = BetaValues;
        for (int j = 0; j < Features; j++)
        {
            ReadOnlySpan<double> xj = Storage.Column(xs, n, j);
            double mean, variance;
            if (useBatchStatistics)
            {
                mean = _batchMean[j] = _columnSums[j] / n;                                 // μ = (1/N) Σ x
                variance = _batchVariance[j] = Kernels.SumSquaredDeviations(xj, mean) / n;  // σ² = (1/N) Σ (x - μ)²
            }
            else
            {
                (mean, variance) = (_runningMean[j], _runningVariance[j]);
            }

            // x̂ = (x - μ) / sqrt(σ² + ε), y = γ x̂ + β
            Kernels.Normalize(xj, mean, 1.0 / Math.Sqrt(variance + Options.Eps), gamma[j], beta[j], Storage.Column(xHat, n, j), Storage.Column(y, n, j));
        }

        if (mode == Mode.Train)
        {
            RunningMoments.Update(BatchMean, BatchVariance, n);
        }
    }

    /// <inheritdoc/>
    /// <remarks>One pass per column for the two sums (Σ dy, Σ dy x̂), one to write dx.</remarks>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        int n = dOut.RowCount;
        double[] dy = Storage.Of(dOut, nameof(dOut)), dx = Storage.Of(dX, nameof(dX)), xHat = Storage.Of(XHat, "xHat");
        double[] gamma = GammaValues, dGamma = GammaGradientValues, dBeta = BetaGradientValues;
        double[] variance = _usedBatchStatistics ? _batchVariance : _runningVariance;
        for (int j = 0; j < Features; j++)
        {
            ReadOnlySpan<double> dyj = Storage.Column(dy, n, j), xHatJ = Storage.Column(xHat, n, j);
            (dBeta[j], dGamma[j]) = Kernels.SumAndDot(dyj, xHatJ);                   // dβ = Σ dy, dγ = Σ dy x̂
            double invStd = 1.0 / Math.Sqrt(variance[j] + Options.Eps);
            if (_usedBatchStatistics)
            {
                // dx = γ / (N sqrt(σ² + ε)) · (N dy - dβ - x̂ dγ)
                double scale = gamma[j] * invStd / n;
                Kernels.ScaledDifference(scale * n, dyj, scale * dBeta[j], scale * dGamma[j], xHatJ, Storage.Column(dx, n, j));
            }
            else
            {
                // running statistics are constants, so x̂ is affine in x: dx = γ dy / sqrt(r_σ² + ε)
                Kernels.Scale(gamma[j] * invStd, dyj, Storage.Column(dx, n, j));
            }
        }
    }
}
