using MathNet.Numerics.LinearAlgebra;
using NormDecay.Tensors;

namespace NormDecay.Layers;

/// <summary>
/// Shared plumbing of the layers: the allocating <c>Forward</c>/<c>Backward</c> overloads call the buffer ones,
/// and the shape checks live here, so a layer only writes its two kernels.
/// </summary>
public abstract class LayerBase : ILayer
{
    private static readonly Parameter[] NoParameters = [];
    private string? _label;

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public abstract int InputSize { get; }

    /// <inheritdoc/>
    public abstract int OutputSize { get; }

    /// <inheritdoc/>
    public virtual IReadOnlyList<Parameter> Parameters => NoParameters;

    /// <summary><see cref="Name"/>, built once: the shape checks run every step and must not allocate a new string each time.</summary>
    protected string Label => _label ??= Name;

    /// <summary>Rows of the last forward input (0 before the first forward).</summary>
    protected int LastRows { get; private protected set; }

    /// <inheritdoc/>
    public Matrix<double> Forward(Matrix<double> x, Mode mode)
    {
        Guard.Features(x, InputSize, Label);
        var output = Storage.Zeros(x.RowCount, OutputSize);
        Forward(x, mode, output);
        return output;
    }

    /// <inheritdoc/>
    public void Forward(Matrix<double> x, Mode mode, Matrix<double> output)
    {
        Guard.Features(x, InputSize, Label);
        Guard.Shape(output, x.RowCount, OutputSize, Label, nameof(output));
        ForwardCore(x, mode, output);
        LastRows = x.RowCount;
    }

    /// <inheritdoc/>
    public Matrix<double> Backward(Matrix<double> dOut)
    {
        Guard.ForwardCalled(LastRows > 0, Label);
        var dX = Storage.Zeros(LastRows, InputSize);
        Backward(dOut, dX);
        return dX;
    }

    /// <inheritdoc/>
    public void Backward(Matrix<double> dOut, Matrix<double> dX)
    {
        Guard.ForwardCalled(LastRows > 0, Label);
        Guard.Shape(dOut, LastRows, OutputSize, Label, nameof(dOut));
        Guard.Shape(dX, LastRows, InputSize, Label, nameof(dX));
        BackwardCore(dOut, dX);
    }

    /// <summary>The forward kernel; shapes are already checked.</summary>
    protected abstract void ForwardCore(Matrix<double> x, Mode mode, Matrix<double> output);

    /// <summary>The backward kernel; shapes are already checked.</summary>
    protected abstract void BackwardCore(Matrix<double> dOut, Matrix<double> dX);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
