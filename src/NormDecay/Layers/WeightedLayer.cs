using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Layers;

/// <summary>
/// What <see cref="Dense"/> and <see cref="Conv2d"/> share: a weight matrix W of shape (fan-in, outputs) and a bias b of
/// length outputs, as the two <see cref="Parameter"/>s an optimizer updates, with typed views of their values and gradients.
/// </summary>
public abstract class WeightedLayer : LayerBase
{
    private readonly Parameter[] _parameters;

    /// <summary>Creates W (zero until the layer initializes it) and b = 0.</summary>
    /// <param name="name">Name prefix of the parameters (<c>dense</c> gives <c>dense.W</c>, <c>dense.b</c>).</param>
    /// <param name="rows">The rows of W (&gt; 0).</param>
    /// <param name="columns">The columns of W and the length of b (&gt; 0).</param>
    private protected WeightedLayer(string name, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(name);
        WeightParameter = new Parameter($"{name}.W", rows, columns);
        BiasParameter = new Parameter($"{name}.b", columns, 1);
        Weights = WeightParameter.ValueMatrix();
        Bias = BiasParameter.ValueVector();
        WeightGradient = WeightParameter.GradientMatrix();
        BiasGradient = BiasParameter.GradientVector();
        _parameters = [WeightParameter, BiasParameter];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>W; shares storage with <see cref="WeightParameter"/> (its shape is the layer's to say).</summary>
    public Matrix<double> Weights { get; }

    /// <summary>b; shares storage with <see cref="BiasParameter"/>.</summary>
    public Vector<double> Bias { get; }

    /// <summary>dL/dW of the last backward.</summary>
    public Matrix<double> WeightGradient { get; }

    /// <summary>dL/db of the last backward.</summary>
    public Vector<double> BiasGradient { get; }

    /// <summary>The weight parameter.</summary>
    public Parameter WeightParameter { get; }

    /// <summary>The bias parameter.</summary>
    public Parameter BiasParameter { get; }
}
