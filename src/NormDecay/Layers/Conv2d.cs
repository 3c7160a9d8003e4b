using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using NormDecay.Tensors;

namespace NormDecay.Layers;

/// <summary>
/// A 2-D convolution (PyTorch <c>nn.Conv2d</c>, cross-correlation as every framework computes it), written as
/// im2col followed by one matrix product, over batches stored as (N, C·H·W) matrices (see <see cref="ImageShape"/>).
/// </summary>
/// <remarks>
/// <para>Forward: y[n, o, i, j] = b[o] + Σ_{c,u,v} W[o, c, u, v] · x[n, c, i·s + u - p, j·s + v - p], with zeros outside the
/// image (zero padding p), stride s, kernel K × K; output size H_out = ⌊(H + 2p - K)/s⌋ + 1 (the same for the width).</para>
/// <para>im2col: the matrix X_col has one row per (output position, example) and one column per (c, u, v); its column
/// (c, u, v) holds, for every output position, the input column (c, i·s + u - p, j·s + v - p). Then Y = X_col W_mat,
/// with W_mat of shape (C·K·K, O). Because matrices are column-major, Y's storage is already the (N, O·H_out·W_out) output.</para>
/// <para>Backward: dW_mat = X_colᵀ dY, db[o] = Σ dY[:, o], dX_col = dY W_matᵀ, then col2im adds every entry of dX_col back to
/// the input pixel it was copied from.</para>
/// <para>The storage of <see cref="WeightedLayer.Weights"/> (column-major (C·K·K, O)) is exactly PyTorch's <c>weight.flatten()</c> of shape
/// (O, C, K, K). Weights are drawn by the <see cref="Initializer"/> with fan-in C·K·K and fan-out O·K·K (He by default;
/// PyTorch's own default is a Kaiming-uniform variant), bias zero.</para>
/// </remarks>
public sealed class Conv2d : WeightedLayer
{
    private readonly int _patch;
    private Matrix<double>? _columns;
    private Matrix<double>? _dColumns;

    /// <summary>Creates the layer.</summary>
    /// <param name="input">Input shape (C, H, W).</param>
    /// <param name="outChannels">O (&gt; 0).</param>
    /// <param name="kernelSize">K (&gt; 0): the kernel is K × K.</param>
    /// <param name="random">Seeded source of the initial weights.</param>
    /// <param name="stride">s (&gt; 0); default 1.</param>
    /// <param name="padding">p (≥ 0) zeros added on every side; default 0.</param>
    /// <param name="initializer">Weight distribution; default <see cref="Initializer.He"/>.</param>
    /// <param name="name">Parameter name prefix; default <c>conv</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is out of range or the kernel does not fit the padded input.</exception>
    public Conv2d(ImageShape input, int outChannels, int kernelSize, Random random, int stride = 1, int padding = 0, Initializer? initializer = null, string name = "conv")
        : base(name, Patch(input, outChannels, kernelSize, stride, padding, random), outChannels)
    {

        Input = input;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Output = new ImageShape(outChannels, (input.Height + 2 * padding - kernelSize) / stride + 1, (input.Width + 2 * padding - kernelSize) / stride + 1);
        _patch = input.Channels * kernelSize * kernelSize;
        Name = $"Conv2d({input.Channels} -> {outChannels}, {kernelSize}x{kernelSize}, stride {stride}, padding {padding})";
        (initializer ?? Initializer.He).Fill(WeightParameter.Value, _patch, outChannels * kernelSize * kernelSize, random);
    }

    /// <summary>Input shape (C, H, W).</summary>
    public ImageShape Input { get; }

    /// <summary>Output shape (O, H_out, W_out).</summary>
    public ImageShape Output { get; }

    /// <summary>K.</summary>
    public int KernelSize { get; }

    /// <summary>s.</summary>
    public int Stride { get; }

    /// <summary>p.</summary>
    public int Padding { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override int InputSize => Input.Size;

    /// <inheritdoc/>
    public override int OutputSize => Output.Size;

    /// <summary>Whether inputs are scanned for NaN/infinity (default true).</summary>
    public bool ValidateInput { get; set; } = true;

    /// <summary>X_col of the last forward, shape (H_out·W_out·N, C·K·K); row i·N + n is output position i of example n.</summary>
    /// <exception cref="InvalidOperationException">Before the first forward.</exception>
    public Matrix<double> Columns => _columns ?? throw new InvalidOperationException($"{Name}: Columns is available after the first Forward.");

    /// <inheritdoc/>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        if (ValidateInput)
        {
            Guard.Finite(x, Label);
        }

        int n = x.RowCount, positions = Output.Spatial;
        if (_columns is null || _columns.RowCount != positions * n)
        {
            _columns = Storage.Zeros(positions * n, _patch);
            _dColumns = Storage.Zeros(positions * n, _patch);
        }

        Im2Col(Storage.Of(x, nameof(x)), n, Storage.Of(_columns, "columns"));
        double[] y = Storage.Of(output, nameof(output));
        var yMatrix = new DenseMatrix(positions * n, Output.Channels, y);   // same storage, (positions·N, O)
        Kernels.Multiply(_columns, Weights, yMatrix);
        double[] b = BiasParameter.Value;
        for (int o = 0; o < Output.Channels; o++)
        {
            Span<double> channel = y.AsSpan(o * positions * n, positions * n);
            double bo = b[o];
            for (int i = 0; i < channel.Length; i++)
            {
                channel[i] += bo;
            }
        }
    }

    /// <inheritdoc/>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        int n = dOut.RowCount, positions = Output.Spatial;
        double[] dy = Storage.Of(dOut, nameof(dOut));
        var dyMatrix = new DenseMatrix(positions * n, Output.Channels, dy);
        Kernels.TransposeAndMultiply(_columns!, dyMatrix, WeightGradient);                // dW = X_colᵀ dY
        for (int o = 0; o < Output.Channels; o++)
        {
            BiasParameter.Gradient[o] = Kernels.Sum(dy.AsSpan(o * positions * n, positions * n));
        }

        Kernels.MultiplyTransposed(dyMatrix, Weights, _dColumns!);                        // dX_col = dY Wᵀ
        Col2Im(Storage.Of(_dColumns!, "dColumns"), n, Storage.Of(dX, nameof(dX)));
    }

    /// <summary>Copies each (c, u, v) shifted view of the input, N values at a time, into its column of X_col.</summary>
    private void Im2Col(double[] x, int n, double[] columns)
    {
        int rows = Output.Spatial * n;
        ForEachTap((k, position, source) =>
        {
            Span<double> destination = columns.AsSpan(k * rows + position * n, n);
            if (source < 0)
            {
                destination.Clear();
            }
            else
            {
                x.AsSpan(source * n, n).CopyTo(destination);
            }
        });
    }

    /// <summary>The adjoint of <see cref="Im2Col"/>: adds every entry of dX_col to the input entry it came from.</summary>
    private void Col2Im(double[] dColumns, int n, double[] dx)
    {
        Array.Clear(dx, 0, Input.Size * n);
        int rows = Output.Spatial * n;
        ForEachTap((k, position, source) =>
        {
            if (source >= 0)
            {
                Kernels.Axpy(1.0, dColumns.AsSpan(k * rows + position * n, n), dx.AsSpan(source * n, n));
            }
        });
    }

    /// <summary>Calls <paramref name="tap"/>(patch column k, output position, input column or -1 for padding) for every tap.</summary>
    private void ForEachTap(Action<int, int, int> tap)
    {
        int k = 0;
        for (int c = 0; c < Input.Channels; c++)
        {
            for (int u = 0; u < KernelSize; u++)
            {
                for (int v = 0; v < KernelSize; v++, k++)
                {
                    for (int i = 0; i < Output.Height; i++)
                    {
                        int row = i * Stride + u - Padding;
                        for (int j = 0; j < Output.Width; j++)
                        {
                            int column = j * Stride + v - Padding;
                            bool inside = row >= 0 && row < Input.Height && column >= 0 && column < Input.Width;
                            tap(k, i * Output.Width + j, inside ? Input.Column(c, row, column) : -1);
                        }
                    }
                }
            }
        }
    }

    // The argument checks, run before the base class allocates W (C·K·K, O) and b (O); returns C·K·K.
    private static int Patch(ImageShape input, int outChannels, int kernelSize, int stride, int padding, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        input.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        if (input.Height + 2 * padding < kernelSize || input.Width + 2 * padding < kernelSize)
        {
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize,
                $"Conv2d: a {kernelSize}x{kernelSize} kernel does not fit an input of shape {input} with padding {padding}.");
        }

        return input.Channels * kernelSize * kernelSize;
    }
}
