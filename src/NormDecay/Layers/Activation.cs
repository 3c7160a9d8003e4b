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
        ApplyAll(Storage.Of(x, nameof(x)), Storage.Of(output, nameof(output)));
        _x = x;
        _y = output;
    }

    /// <inheritdoc/>
    protected override void BackwardCore(Matrix<double> dOut, Matrix<double> dX)
    {
        DerivativeAll(Storage.Of(_x!, "x"), Storage.Of(_y!, "y"), Storage.Of(dOut, nameof(dOut)), Storage.Of(dX, nameof(dX)));
    }

    /// <summary>y_k = f(x_k) for every entry: the formula of <see cref="Apply(double)"/>; an activation may override it with a faster loop computing the same values.</summary>
    /// <param name="x">Inputs.</param>
    /// <param name="y">Outputs, at least as long as <paramref name="x"/>.</param>
    protected virtual void ApplyAll(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int k = 0; k < x.Length; k++)
        {
            y[k] = Apply(x[k]);
        }
    }

    /// <summary>dx_k = dy_k · f'(x_k) for every entry (<see cref="Derivative"/>); an activation may override it with a faster loop computing the same values.</summary>
    /// <param name="x">The inputs of the last forward.</param>
    /// <param name="y">The outputs of the last forward.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="dx">dL/dx, written.</param>
    protected virtual void DerivativeAll(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dx)
    {
        for (int k = 0; k < dy.Length; k++)
        {
            dx[k] = dy[k] * Derivative(x[k], y[k]);
        }
    }

    /// <summary>
    /// Records a forward pass computed elsewhere (the dense layer's fused bias + activation epilogue), so that
    /// <see cref="LayerBase.Backward(Matrix{double}, Matrix{double})"/> works as after <see cref="LayerBase.Forward(Matrix{double}, Mode, Matrix{double})"/>:
    /// <paramref name="output"/> must hold f(<paramref name="x"/>).
    /// </summary>
    internal void AdoptForward(Matrix<double> x, Matrix<double> output)
    {
        _x = x;
        _y = output;
        LastRows = x.RowCount;
    }
}
