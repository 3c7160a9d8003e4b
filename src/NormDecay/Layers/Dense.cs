using MathNet.Numerics.LinearAlgebra;
using NormDecay.Tensors;

namespace NormDecay.Layers;

/// <summary>
/// A fully connected layer: <c>y = x W + b</c>, with W of shape (in, out) and b of length out.
/// (PyTorch's <c>nn.Linear</c> stores the transpose, (out, in); Keras's <c>Dense</c> stores (in, out) as here.)
/// </summary>
/// <remarks>
/// Backward: dW = xᵀ dy, db = Σ_rows dy, dx = dy Wᵀ. Weights from the <see cref="Initializer"/>, bias zero.
/// </remarks>
public sealed class Dense : WeightedLayer
{
    private Matrix<double>? _x;

    /// <summary>Creates the layer with weights drawn by <paramref name="initializer"/> from <paramref name="random"/> and zero bias.</summary>
    /// <param name="inputSize">Input features (&gt; 0).</param>
    /// <param name="outputSize">Output features (&gt; 0).</param>
    /// <param name="initializer">Weight distribution (e.g. <see cref="Initializer.He"/>).</param>
    /// <param name="random">Seeded source of randomness.</param>
    /// <param name="name">Name prefix of the parameters; default <c>dense</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is not positive.</exception>
    public Dense(int inputSize, int outputSize, Initializer initializer, Random random, string name = "dense")
        : base(name, Positive(inputSize, nameof(inputSize)), Positive(outputSize, nameof(outputSize)))
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(random);
        InputSize = inputSize;
        OutputSize = outputSize;
        Name = $"Dense({inputSize} -> {outputSize})";
        initializer.Fill(WeightParameter.Value, inputSize, outputSize, random);
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override int InputSize { get; }

    /// <inheritdoc/>
    public override int OutputSize { get; }


    /// <inheritdoc/>
    /// <remarks>y = x W + b: one call of the blocked matrix product with the bias added in its epilogue
    /// (<see cref="Gemm"/>; <see cref="ReferenceGemm"/> is the same product as three readable loops).</remarks>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        Gemm.Multiply(
            x.RowCount, OutputSize, InputSize, Storage.Of(x, nameof(x)), false, WeightParameter.Value, false,
            Storage.Of(output, nameof(output)), bias: BiasParameter.Value);
        _x = x;
    }

    /// <summary>
    /// z = x W + b into <paramref name="preActivation"/> and ReLU(z) into <paramref name="activation"/>, in one pass over
    /// the product (the bias and the ReLU are applied while each tile of z is still in registers). The same values as
    /// <c>Forward</c> followed by <see cref="ReLU"/>'s forward; <paramref name="relu"/> is told the forward happened,
    /// so both layers' backward passes work as usual.
    /// </summary>
    internal void ForwardWithReLU(Matrix<double> x, ReLU relu, Matrix<double> preActivation, Matrix<double> activation)
    {
        Guard.Features(x, InputSize, Label);
        Guard.Shape(preActivation, x.RowCount, OutputSize, Label, nameof(preActivation));
        Guard.Shape(activation, x.RowCount, OutputSize, Label, nameof(activation));
        Gemm.Multiply(
            x.RowCount, OutputSize, InputSize, Storage.Of(x, nameof(x)), false, WeightParameter.Value, false,
            Storage.Of(preActivation, nameof(preActivation)), bias: BiasParameter.Value, relu: Storage.Of(activation, nameof(activation)));
        _x = x;
        LastRows = x.RowCount;
        relu.AdoptForward(preActivation, activation);
    }

    /// <inheritdoc/>
    /// <remarks>dW = xᵀ dy and dx = dy Wᵀ through the blocked product (the transposes are handled by its packing), db = Σ_rows dy.</remarks>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        ParameterGradients(dOut);
        Gemm.Multiply(
            dOut.RowCount, InputSize, OutputSize, Storage.Of(dOut, nameof(dOut)), false, WeightParameter.Value, true,
            Storage.Of(dX, nameof(dX)));
    }

    /// <summary>
    /// dW and db only, without dL/dx: what the first layer of a network needs, whose input (the data) has no gradient
    /// (PyTorch skips it the same way for an input that does not require grad).
    /// </summary>
    /// <exception cref="InvalidOperationException">When no forward pass came first.</exception>
    /// <exception cref="ArgumentException">When dOut does not have the shape of the last output.</exception>
    internal void BackwardParametersOnly(Matrix<double> dOut)
    {
        Guard.ForwardCalled(LastRows > 0, Label);
        Guard.Shape(dOut, LastRows, OutputSize, Label, nameof(dOut));
        ParameterGradients(dOut);
    }

    private void ParameterGradients(Matrix<double> dOut)
    {
        double[] dy = Storage.Of(dOut, nameof(dOut));
        int n = dOut.RowCount;
        // dW (in x out) = xᵀ (in x n) · dy (n x out)
        Gemm.Multiply(InputSize, OutputSize, n, Storage.Of(_x!, "x"), true, dy, false, WeightParameter.Gradient);
        for (int j = 0; j < OutputSize; j++)
        {
            BiasParameter.Gradient[j] = Kernels.Sum(dy.AsSpan(j * n, n));
        }
    }

    private static int Positive(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        return value;
    }
}
