using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using NormDecay.Tensors;

namespace NormDecay.Normalization;

/// <summary>
/// The running mean and variance a <see cref="BatchNorm"/> layer uses at test time, and the rule that updates them.
/// </summary>
/// <remarks>
/// After each training batch with mean μ_B and biased variance σ²_B over N rows:
/// r_μ ← (1 - w) r_μ + w μ_B and r_σ² ← (1 - w) r_σ² + w s², where s² = σ²_B N/(N-1) when
/// <see cref="BatchNormOptions.UnbiasedRunningVariance"/> (PyTorch) and σ²_B otherwise (Keras),
/// and w = <see cref="BatchNormOptions.NewBatchWeight"/>: m (PyTorch), 1 - m (Keras), 1/t (cumulative).
/// </remarks>
public sealed class RunningStatistics
{
    private readonly BatchNormOptions _options;
    private readonly double[] _mean, _variance;

    /// <summary>Creates running statistics for <paramref name="features"/> features: mean 0, variance <see cref="BatchNormOptions.InitialRunningVariance"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When features is not positive or the options are invalid.</exception>
    public RunningStatistics(int features, BatchNormOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        options.Validate();
        _options = options;
        _mean = new double[features];
        _variance = new double[features];
        Mean = new DenseVector(_mean);
        Variance = new DenseVector(_variance);
        Reset();
    }

    /// <summary>Running mean (starts at 0).</summary>
    public Vector<double> Mean { get; }

    /// <summary>Running variance (starts at <see cref="BatchNormOptions.InitialRunningVariance"/>; unbiased or biased per the options).</summary>
    public Vector<double> Variance { get; }

    /// <summary>Number of training batches folded in (PyTorch's <c>num_batches_tracked</c>).</summary>
    public long NumBatchesTracked { get; private set; }

    /// <summary>Whether these statistics are kept at all (false for <see cref="RunningAverage.None"/>).</summary>
    public bool Enabled => _options.Rule != RunningAverage.None;

    /// <summary>Folds in one training batch's statistics.</summary>
    /// <param name="batchMean">μ_B.</param>
    /// <param name="batchVariance">Biased σ²_B.</param>
    /// <param name="batchSize">N (&gt; 1).</param>
    /// <exception cref="ArgumentException">When a statistic's length is not the number of features.</exception>
    public void Update(Vector<double> batchMean, Vector<double> batchVariance, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(batchMean);
        ArgumentNullException.ThrowIfNull(batchVariance);
        Guard.Length(batchMean, _mean.Length, nameof(RunningStatistics), nameof(batchMean));
        Guard.Length(batchVariance, _mean.Length, nameof(RunningStatistics), nameof(batchVariance));
        NumBatchesTracked++;
        if (!Enabled)
        {
            return;
        }

        double w = _options.NewBatchWeight(NumBatchesTracked);
        double correction = _options.UnbiasedRunningVariance ? batchSize / (batchSize - 1.0) : 1.0;
        ReadOnlySpan<double> mu = Storage.Values(batchMean), sigma2 = Storage.Values(batchVariance);
        Span<double> runningMean = _mean, runningVariance = _variance;
        for (int j = 0; j < runningMean.Length; j++)
        {
            runningMean[j] = (1 - w) * runningMean[j] + w * mu[j];
            runningVariance[j] = (1 - w) * runningVariance[j] + w * sigma2[j] * correction;
        }
    }

    /// <summary>Back to mean 0, initial variance, zero batches tracked.</summary>
    public void Reset()
    {
        Mean.Clear();
        Variance.Clear();
        Variance.Add(_options.InitialRunningVariance, Variance);
        NumBatchesTracked = 0;
    }
}
