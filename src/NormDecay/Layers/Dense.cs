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
public sealed class Dense : LayerBase
{
    private readonly Parameter[] _parameters;
    private Matrix<double>? _x;

    /// <summary>Creates the layer with weights drawn by <paramref name="initializer"/> from <paramref name="random"/> and zero bias.</summary>
    /// <param name="inputSize">Input features (&gt; 0).</param>
    /// <param name="outputSize">Output features (&gt; 0).</param>
    /// <param name="initializer">Weight distribution (e.g. <see cref="Initializer.He"/>).</param>
    /// <param name="random">Seeded source of randomness.</param>
    /// <param name="name">Name prefix of the parameters; default <c>dense</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is not positive.</exception>
    public Dense(int inputSize, int outputSize, Initializer initializer, Random random, string name = "dense")
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        InputSize = inputSize;
        OutputSize = outputSize;
        Name = $"Dense({inputSize} -> {outputSize})";
        WeightParameter = new Parameter($"{name}.W", inputSize, outputSize);
        BiasParameter = new Parameter($"{name}.b", outputSize, 1);
        initializer.Fill(WeightParameter.Value, inputSize, outputSize, random);
        Weights = WeightParameter.ValueMatrix();
        Bias = BiasParameter.ValueVector();
        WeightGradient = WeightParameter.GradientMatrix();
        BiasGradient = BiasParameter.GradientVector();
        _parameters = [WeightParameter, BiasParameter];
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override int InputSize { get; }

    /// <inheritdoc/>
    public override int OutputSize { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>W, shape (in, out); shares storage with <see cref="WeightParameter"/>.</summary>
    public Matrix<double> Weights { get; }

    /// <summary>b, length out; shares storage with <see cref="BiasParameter"/>.</summary>
    public Vector<double> Bias { get; }

    /// <summary>dL/dW of the last backward.</summary>
    public Matrix<double> WeightGradient { get; }

    /// <summary>dL/db of the last backward.</summary>
    public Vector<double> BiasGradient { get; }

    /// <summary>The weight parameter.</summary>
    public Parameter WeightParameter { get; }

    /// <summary>The bias parameter.</summary>
    public Parameter BiasParameter { get; }

    /// <inheritdoc/>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        Kernels.Multiply(x, Weights, output);
        double[] y = Storage.Of(output, nameof(output));
        double[] b = BiasParameter.Value;
        int n = x.RowCount;
        for (int j = 0; j < OutputSize; j++)
        {
            Span<double> column = y.AsSpan(j * n, n);
            double bj = b[j];
            for (int i = 0; i < column.Length; i++)
            {
                column[i] += bj;
            }
        }

        _x = x;
    }

    /// <inheritdoc/>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        Kernels.TransposeAndMultiply(_x!, dOut, WeightGradient);
        double[] dy = Storage.Of(dOut, nameof(dOut));
        int n = dOut.RowCount;
        for (int j = 0; j < OutputSize; j++)
        {
            BiasParameter.Gradient[j] = Kernels.Sum(dy.AsSpan(j * n, n));
        }

        Kernels.MultiplyTransposed(dOut, Weights, dX);
    }
}
