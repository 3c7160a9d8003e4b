namespace NormDecay.Layers;

/// <summary>Logistic sigmoid: y = 1 / (1 + e^-x), dy/dx = y (1 - y).</summary>
/// <param name="size">Features.</param>
public sealed class Sigmoid(int size) : Activation(size)
{
    /// <inheritdoc/>
    public override ActivationKind Kind => ActivationKind.Sigmoid;

    /// <inheritdoc/>
    public override double Apply(double x) => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));

    /// <inheritdoc/>
    public override double Derivative(double x, double y) => y * (1.0 - y);
}
