using MathNet.Numerics.LinearAlgebra;
using NormDecay.Layers;

namespace NormDecay.Networks;

/// <summary>
/// A classifier network a trainer can drive: logits from a batch, gradients from dL/dlogits, and the parameters an
/// optimizer updates. <see cref="Mlp"/> and <see cref="Sequential"/> implement it.
/// </summary>
public interface INetwork
{
    /// <summary>Input features (columns of x).</summary>
    int InputSize { get; }

    /// <summary>Number of logits (classes).</summary>
    int OutputSize { get; }

    /// <summary>All learnable parameters, in layer order.</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Logits for <paramref name="x"/> in <paramref name="mode"/>; may be an internal buffer valid until the next forward.</summary>
    /// <exception cref="ArgumentException">When x has the wrong number of columns.</exception>
    Matrix<double> Forward(Matrix<double> x, Mode mode);

    /// <summary>Back-propagates dL/dlogits of the last forward, filling every parameter's gradient; returns dL/dx.</summary>
    /// <exception cref="InvalidOperationException">Before a forward pass.</exception>
    Matrix<double> Backward(Matrix<double> dLogits);

    /// <summary>
    /// Back-propagates dL/dlogits of the last forward, filling every parameter's gradient, where dL/dx is not needed (a
    /// training step). A network that can skip the input gradient overrides this (<see cref="Mlp.BackwardParameters"/>);
    /// by default it is <see cref="Backward"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Before a forward pass.</exception>
    void BackwardParameters(Matrix<double> dLogits) => Backward(dLogits);
}
