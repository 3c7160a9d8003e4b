namespace NormDecay.Layers;

/// <summary>Hyperbolic tangent: y = tanh(x), dy/dx = 1 - y².</summary>
/// <param name="size">Features.</param>
public sealed class Tanh(int size) : Activation(size)
{
    /// <inheritdoc/>
    public override ActivationKind Kind => ActivationKind.Tanh;

    /// <inheritdoc/>
    public override double Apply(double x) => Math.Tanh(x);

    /// <inheritdoc/>
    public override double Derivative(double x, double y) => 1.0 - y * y;
}
