using MathNet.Numerics.LinearAlgebra;
using NormDecay.Tensors;

namespace NormDecay.Layers;

/// <summary>
/// Max pooling over K × K windows of each channel (PyTorch <c>nn.MaxPool2d(K)</c>: stride K, no padding, floor mode),
/// over (N, C·H·W) batches (see <see cref="ImageShape"/>).
/// </summary>
/// <remarks>
/// Forward: y[n, c, i, j] = max_{u, v &lt; K} x[n, c, i·K + u, j·K + v]; output (C, ⌊H/K⌋, ⌊W/K⌋).
/// Backward: the whole gradient dy goes to the entry that was the maximum (the first one in row-major window order when
/// several are equal, as PyTorch's CPU kernel); every other entry gets 0. No parameters; the same in both modes.
/// </remarks>
public sealed class MaxPool2d : LayerBase
{
    private int[] _argMax = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="input">Input shape (C, H, W).</param>
    /// <param name="kernelSize">K (&gt; 0, at most H and W); the stride is K.</param>
    /// <exception cref="ArgumentOutOfRangeException">When K is not positive or larger than the input.</exception>
    public MaxPool2d(ImageShape input, int kernelSize = 2)
    {
        input.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        if (kernelSize > input.Height || kernelSize > input.Width)
        {
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, $"MaxPool2d: a {kernelSize}x{kernelSize} window does not fit an input of shape {input}.");
        }

        Input = input;
        KernelSize = kernelSize;
        Output = new ImageShape(input.Channels, input.Height / kernelSize, input.Width / kernelSize);
        Name = $"MaxPool2d({kernelSize}x{kernelSize})";
    }

    /// <summary>Input shape.</summary>
    public ImageShape Input { get; }

    /// <summary>Output shape (C, ⌊H/K⌋, ⌊W/K⌋).</summary>
    public ImageShape Output { get; }

    /// <summary>K (window and stride).</summary>
    public int KernelSize { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override int InputSize => Input.Size;

    /// <inheritdoc/>
    public override int OutputSize => Output.Size;

    /// <inheritdoc/>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        int n = x.RowCount;
        double[] xs = Storage.Of(x, nameof(x)), y = Storage.Of(output, nameof(output));
        if (_argMax.Length != Output.Size * n)
        {
            _argMax = new int[Output.Size * n];
        }

        for (int c = 0; c < Output.Channels; c++)
        {
            for (int i = 0; i < Output.Height; i++)
            {
                for (int j = 0; j < Output.Width; j++)
                {
                    int outColumn = Output.Column(c, i, j);
                    Span<double> best = y.AsSpan(outColumn * n, n);
                    Span<int> where = _argMax.AsSpan(outColumn * n, n);
                    bool first = true;
                    for (int u = 0; u < KernelSize; u++)
                    {
                        for (int v = 0; v < KernelSize; v++)
                        {
                            int inColumn = Input.Column(c, i * KernelSize + u, j * KernelSize + v);
                            ReadOnlySpan<double> candidate = xs.AsSpan(inColumn * n, n);
                            for (int e = 0; e < n; e++)
                            {
                                // NaN propagates as in PyTorch (a NaN candidate wins).
                                if (first || candidate[e] > best[e] || double.IsNaN(candidate[e]))
                                {
                                    best[e] = candidate[e];
                                    where[e] = inColumn * n + e;
                                }
                            }

                            first = false;
                        }
                    }
                }
            }
        }
    }

    /// <inheritdoc/>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        double[] dy = Storage.Of(dOut, nameof(dOut)), dx = Storage.Of(dX, nameof(dX));
        Array.Clear(dx);
        for (int k = 0; k < dy.Length; k++)
        {
            dx[_argMax[k]] += dy[k];
        }
    }
}
