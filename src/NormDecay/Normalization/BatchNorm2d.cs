using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using NormDecay.Layers;
using NormDecay.Tensors;

namespace NormDecay.Normalization;

/// <summary>
/// Batch normalization for convolutional feature maps (Ioffe and Szegedy 2015, section 3.2; PyTorch <c>nn.BatchNorm2d</c>):
/// one mean and one variance per channel, taken over the batch AND every spatial position, so each channel has one γ and one β.
/// </summary>
/// <remarks>
/// <para>For channel c with the m = N·H·W values x[n, c, h, w]: μ_c = (1/m) Σ x, σ²_c = (1/m) Σ (x - μ_c)² (biased),
/// x̂ = (x - μ_c)/sqrt(σ²_c + ε), y = γ_c x̂ + β_c. The running statistics follow <see cref="BatchNormOptions"/>; with the
/// PyTorch default the running variance stores σ²_c · m/(m - 1), m = N·H·W (PyTorch's <c>n = numel / C</c>).</para>
/// <para>It is a <see cref="BatchNorm"/> over C features applied to a reshaped view: the (N, C·H·W) column-major batch is,
/// in the same memory, an (H·W·N, C) matrix whose column c holds all m values of channel c. Forward, backward, running
/// statistics and conventions are therefore exactly those of <see cref="BatchNorm"/>.</para>
/// <para>A batch of one example is allowed in training when H·W &gt; 1 (the statistics still have H·W values), as in PyTorch;
/// training fails only when m = 1 ("Expected more than 1 value per channel when training").</para>
/// </remarks>
public sealed class BatchNorm2d : LayerBase
{
    private readonly BatchNorm _perChannel;

    /// <summary>Creates the layer for feature maps of shape <paramref name="shape"/>.</summary>
    /// <param name="shape">(C, H, W) of one example.</param>
    /// <param name="options">Conventions; default <see cref="BatchNormOptions.PyTorch"/>.</param>
    /// <param name="name">Parameter name prefix; default <c>bn2d</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a dimension is not positive or an option is out of range.</exception>
    public BatchNorm2d(ImageShape shape, BatchNormOptions? options = null, string name = "bn2d")
    {
        shape.Validate();
        Shape = shape;
        _perChannel = new BatchNorm(shape.Channels, options, name);
        Name = $"BatchNorm2d({shape.Channels})";
    }

    /// <summary>(C, H, W) of one example.</summary>
    public ImageShape Shape { get; }

    /// <summary>C.</summary>
    public int Channels => Shape.Channels;

    /// <summary>The conventions in use.</summary>
    public BatchNormOptions Options => _perChannel.Options;

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override int InputSize => Shape.Size;

    /// <inheritdoc/>
    public override int OutputSize => Shape.Size;

    /// <inheritdoc/>
    public override IReadOnlyList<Parameter> Parameters => _perChannel.Parameters;

    /// <summary>γ, one per channel (initially 1).</summary>
    public Vector<double> Gamma => _perChannel.Gamma;

    /// <summary>β, one per channel (initially 0).</summary>
    public Vector<double> Beta => _perChannel.Beta;

    /// <summary>dL/dγ = Σ over batch and space of dy x̂, per channel, of the last backward.</summary>
    public Vector<double> GammaGradient => _perChannel.GammaGradient;

    /// <summary>dL/dβ = Σ over batch and space of dy, per channel, of the last backward.</summary>
    public Vector<double> BetaGradient => _perChannel.BetaGradient;

    /// <summary>Per-channel mean of the last forward (batch mean in training, running mean in eval).</summary>
    public Vector<double> BatchMean => _perChannel.BatchMean;

    /// <summary>Per-channel variance of the last forward (biased batch variance in training, running variance in eval).</summary>
    public Vector<double> BatchVariance => _perChannel.BatchVariance;

    /// <summary>Running mean per channel.</summary>
    public Vector<double> RunningMean => _perChannel.RunningMean;

    /// <summary>Running variance per channel (unbiased over N·H·W values for PyTorch).</summary>
    public Vector<double> RunningVariance => _perChannel.RunningVariance;

    /// <summary>Training batches seen (PyTorch <c>num_batches_tracked</c>).</summary>
    public long NumBatchesTracked => _perChannel.NumBatchesTracked;

    /// <summary>Whether inputs are scanned for NaN/infinity (default true).</summary>
    public bool ValidateInput
    {
        get => _perChannel.ValidateInput;
        set => _perChannel.ValidateInput = value;
    }

    /// <inheritdoc/>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        int n = x.RowCount;
        bool batchStatistics = mode == Mode.Train || Options.Rule == RunningAverage.None;
        if (batchStatistics && n * Shape.Spatial == 1)
        {
            throw new ArgumentException(
                $"Expected more than 1 value per channel when training, got input size [{n}, {Shape.Channels}, {Shape.Height}, {Shape.Width}].", nameof(x));
        }

        _perChannel.Forward(View(x, n, nameof(x)), mode, View(output, n, nameof(output)));
    }

    /// <inheritdoc/>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        int n = dOut.RowCount;
        _perChannel.Backward(View(dOut, n, nameof(dOut)), View(dX, n, nameof(dX)));
    }

    /// <summary>The (H·W·N, C) view of an (N, C·H·W) batch: same storage, column c = every value of channel c.</summary>
    private Matrix<double> View(Matrix<double> m, int n, string name) =>
        new DenseMatrix(n * Shape.Spatial, Shape.Channels, Storage.Of(m, name));
}
