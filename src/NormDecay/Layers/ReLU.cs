namespace NormDecay.Layers;

/// <summary>Rectified linear unit: y = max(0, x), dy/dx = 1 for x &gt; 0 else 0 (PyTorch's choice at x = 0).</summary>
/// <param name="size">Features.</param>
public sealed class ReLU(int size) : Activation(size)
{
    /// <inheritdoc/>
    public override ActivationKind Kind => ActivationKind.ReLU;

    /// <inheritdoc/>
    public override double Apply(double x) => x > 0 ? x : 0.0;

    /// <inheritdoc/>
    public override double Derivative(double x, double y) => x > 0 ? 1.0 : 0.0;

    /// <inheritdoc/>
    /// <remarks>The same formula in SIMD vectors (<see cref="Tensors.ReluKernels"/>).</remarks>
    protected override void ApplyAll(ReadOnlySpan<double> x, Span<double> y) => Tensors.ReluKernels.Forward(x, y);

    /// <inheritdoc/>
    /// <remarks>dx = (x &gt; 0 ? dy : 0), in SIMD vectors.</remarks>
    protected override void DerivativeAll(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dx) =>
        Tensors.ReluKernels.Backward(x, dy, dx);
}
