namespace NormDecay.Layers;

/// <summary>Identity: y = x, dy/dx = 1.</summary>
/// <param name="size">Features.</param>
public sealed class Identity(int size) : Activation(size)
{
    /// <inheritdoc/>
    public override ActivationKind Kind => ActivationKind.Identity;

    /// <inheritdoc/>
    public override double Apply(double x) => x;

    /// <inheritdoc/>
    public override double Derivative(double x, double y) => 1.0;
}
