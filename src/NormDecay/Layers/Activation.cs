using MathNet.Numerics.LinearAlgebra;
using NormDecay.Tensors;

namespace NormDecay.Layers;


/// <summary>
/// An element-wise activation y = f(x) on (batch, features); dx = dy ⊙ f'(x). No parameters; the same in both modes.
/// </summary>
public abstract class Activation : LayerBase
{
    private Matrix<double>? _x;
    private Matrix<double>? _y;
    private string? _name;

    /// <summary>Creates an activation for <paramref name="size"/> features.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When size is not positive.</exception>
    protected Activation(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        InputSize = size;
        OutputSize = size;
    }

    /// <summary>Creates the activation of the given kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When kind is not a defined value.</exception>
    public static Activation Create(ActivationKind kind, int size) => kind switch
    {
        ActivationKind.ReLU => new ReLU(size),
        ActivationKind.Tanh => new Tanh(size),
        ActivationKind.Sigmoid => new Sigmoid(size),
        ActivationKind.Identity => new Identity(size),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown activation kind {kind}."),
    };

    /// <summary>Which activation this is.</summary>
    public abstract ActivationKind Kind { get; }

    /// <inheritdoc/>
    public override string Name => _name ??= $"{Kind}({InputSize})";

    /// <inheritdoc/>
    public override int InputSize { get; }

    /// <inheritdoc/>
    public override int OutputSize { get; }

    /// <summary>f(x).</summary>
    public abstract double Apply(double x);

    /// <summary>f'(x), given x and y = f(x) (whichever is cheaper).</summary>
    public abstract double Derivative(double x, double y);

    /// <inheritdoc/>
    protected override void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        double[] a = Storage.Of(x, nameof(x)), y = Storage.Of(output, nameof(output));
        for (int k = 0; k < a.Length; k++)
        {
            y[k] = Apply(a[k]);
        }

        _x = x;
        _y = output;
    }

    /// <inheritdoc/>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        double[] x = Storage.Of(_x!, "x"), y = Storage.Of(_y!, "y");
        double[] dy = Storage.Of(dOut, nameof(dOut)), dx = Storage.Of(dX, nameof(dX));
        for (int k = 0; k < dy.Length; k++)
        {
            dx[k] = dy[k] * Derivative(x[k], y[k]);
        }
    }
}
