using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using NormDecay.Tensors;

namespace NormDecay.Normalization;

/// <summary>
/// The running mean and running variance a <see cref="BatchNorm"/> layer normalizes with at test time (PyTorch's
/// <c>running_mean</c>/<c>running_var</c>, Keras's <c>moving_mean</c>/<c>moving_variance</c>), and the rule that
/// updates them after each training batch. (Not Math.NET's <c>MathNet.Numerics.Statistics.RunningStatistics</c>,
/// which accumulates the moments of a stream of scalars.)
/// </summary>
/// <remarks>
/// <para>After each training batch with mean μ_B and biased variance σ²_B over N rows:
/// r_μ ← (1 - w) r_μ + w μ_B and r_σ² ← (1 - w) r_σ² + w s², where w = <see cref="BatchNormOptions.NewBatchWeight"/>
/// (m for PyTorch, 1 - m for Keras, 1/t for the cumulative average).</para>
/// <para>Which estimator s² is: with <see cref="BatchNormOptions.UnbiasedRunningVariance"/> (PyTorch, the default)
/// s² = σ²_B N/(N-1), the unbiased sample variance (divides by N-1: Math.NET's <c>Variance</c>); otherwise (Keras,
/// CS231n, d2l) s² = σ²_B, the biased one (divides by N: Math.NET's <c>PopulationVariance</c>). Normalization in
/// training always uses σ²_B, so <see cref="Variance"/> is an N-1 average while <see cref="BatchNorm.BatchVariance"/> is an N one.</para>
/// <para>NaN: a NaN in a batch's statistics stays in the running values for good (each update keeps (1 - w) of the
/// old value); <see cref="BatchNorm"/> rejects non-finite inputs before they get here unless its input check is off.</para>
/// </remarks>
public sealed class RunningMoments
{
    private readonly BatchNormOptions _options;
    private readonly double[] _mean, _variance;

    /// <summary>Creates running moments for <paramref name="features"/> features: mean 0, variance <see cref="BatchNormOptions.InitialRunningVariance"/>.</summary>
    /// <param name="features">F (&gt; 0).</param>
    /// <param name="options">The update rule, momentum, estimator and initial variance.</param>
    /// <exception cref="ArgumentOutOfRangeException">When features is not positive or the options are invalid.</exception>
    public RunningMoments(int features, BatchNormOptions options)
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

    /// <summary>The running mean r_μ, length F; starts at 0; any real value.</summary>
    public Vector<double> Mean { get; }

    /// <summary>
    /// The running variance r_σ², length F, &gt;= 0: an average of unbiased (N-1) batch variances under PyTorch's
    /// default, of biased (N) ones under Keras, CS231n and d2l; starts at <see cref="BatchNormOptions.InitialRunningVariance"/>.
    /// </summary>
    public Vector<double> Variance { get; }

    /// <summary>Number of training batches folded in (PyTorch's <c>num_batches_tracked</c>), counted even when <see cref="Enabled"/> is false.</summary>
    public long NumBatchesTracked { get; private set; }

    /// <summary>Whether these statistics are kept at all (false for <see cref="RunningAverage.None"/>).</summary>
    public bool Enabled => _options.Rule != RunningAverage.None;

    /// <summary>Folds in one training batch's statistics (see the remarks for the rule and the estimator).</summary>
    /// <param name="batchMean">μ_B, length F.</param>
    /// <param name="batchVariance">The biased (÷N) batch variance σ²_B, length F, as <see cref="BatchNorm.BatchVariance"/> holds it.</param>
    /// <param name="batchSize">N (&gt; 1 for the unbiased estimator, whose N/(N-1) is infinite at N = 1).</param>
    /// <exception cref="ArgumentException">When a statistic's length is not the number of features.</exception>
    public void Update(Vector<double> batchMean, Vector<double> batchVariance, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(batchMean);
        ArgumentNullException.ThrowIfNull(batchVariance);
        Guard.Length(batchMean, _mean.Length, nameof(RunningMoments), nameof(batchMean));
        Guard.Length(batchVariance, _mean.Length, nameof(RunningMoments), nameof(batchVariance));
        NumBatchesTracked++;
        if (!Enabled)
        {
            return;
        }

        double w = _options.NewBatchWeight(NumBatchesTracked);
        double correction = _options.UnbiasedRunningVariance ? batchSize / (batchSize - 1.0) : 1.0;   // N/(N-1) or 1
        ReadOnlySpan<double> mu = Storage.Values(batchMean), sigma2 = Storage.Values(batchVariance);
        Span<double> runningMean = _mean, runningVariance = _variance;
        for (int j = 0; j < runningMean.Length; j++)
        {
            runningMean[j] = (1 - w) * runningMean[j] + w * mu[j];
            runningVariance[j] = (1 - w) * runningVariance[j] + w * sigma2[j] * correction;
        }
    }

    /// <summary>Back to mean 0, the initial variance and zero batches tracked.</summary>
    public void Reset()
    {
        Mean.Clear();
        Variance.Clear();
        Variance.Add(_options.InitialRunningVariance, Variance);
        NumBatchesTracked = 0;
    }
}
