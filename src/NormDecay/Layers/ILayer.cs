using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Layers;

/// <summary>
/// A layer of a feed-forward network over a mini-batch of shape (batch, features): rows are examples.
/// <c>Forward</c> caches what <c>Backward</c> needs; <c>Backward</c> returns dL/dx and fills the
/// <see cref="Parameter.Gradient"/> of every parameter (overwriting, not accumulating, unlike PyTorch's <c>.grad</c>).
/// </summary>
/// <remarks>
/// The input passed to <c>Forward</c> is cached by reference: do not modify it before <c>Backward</c>.
/// The mode is passed explicitly (no global <c>model.train()</c> state).
/// </remarks>
public interface ILayer
{
    /// <summary>A short name for messages and charts, e.g. <c>Dense(64 -> 128)</c>.</summary>
    string Name { get; }

    /// <summary>Number of input features (columns of x).</summary>
    int InputSize { get; }

    /// <summary>Number of output features.</summary>
    int OutputSize { get; }

    /// <summary>The learnable parameters (empty for activations), in a fixed order.</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Computes the output for <paramref name="x"/> into a newly allocated matrix.</summary>
    /// <exception cref="ArgumentException">When x has the wrong number of columns (the message names both shapes).</exception>
    Matrix<double> Forward(Matrix<double> x, Mode mode);

    /// <summary>Computes the output for <paramref name="x"/> into <paramref name="output"/> (shape (batch, <see cref="OutputSize"/>)), allocation free.</summary>
    /// <exception cref="ArgumentException">When a shape is wrong.</exception>
    void Forward(Matrix<double> x, Mode mode, Matrix<double> output);

    /// <summary>Back-propagates <paramref name="dOut"/> = dL/dy of the last forward; returns dL/dx (new matrix) and fills the parameter gradients.</summary>
    /// <exception cref="InvalidOperationException">When no forward pass came first.</exception>
    Matrix<double> Backward(Matrix<double> dOut);

    /// <summary>As <see cref="Backward(Matrix{double})"/>, writing dL/dx into <paramref name="dX"/> (shape of the last x).</summary>
    void Backward(Matrix<double> dOut, Matrix<double> dX);
}
