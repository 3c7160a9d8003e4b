using MathNet.Numerics.LinearAlgebra;
using NormDecay.Layers;
using NormDecay.Tensors;

namespace NormDecay.Networks;

/// <summary>
/// Layers applied one after the other (PyTorch <c>nn.Sequential</c>), e.g. a small convolutional network
/// Conv2d → BatchNorm2d → ReLU → MaxPool2d → Dense, or a dense network with any normalization layer.
/// The last layer produces logits for <see cref="SoftmaxCrossEntropy"/>.
/// </summary>
/// <remarks>
/// Each layer's <see cref="ILayer.OutputSize"/> must equal the next one's <see cref="ILayer.InputSize"/>. Forward and
/// backward reuse one buffer per layer and batch size, so their results are valid until the next call with that batch size.
/// </remarks>
public sealed class Sequential : INetwork
{
    private readonly ILayer[] _layers;
    private readonly RowBuffers[] _outputs;
    private readonly RowBuffers[] _gradients;

    /// <summary>Chains <paramref name="layers"/>.</summary>
    /// <exception cref="ArgumentException">When the list is empty or two neighbours' sizes disagree (the message names both).</exception>
    public Sequential(IEnumerable<ILayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        _layers = [.. layers];
        if (_layers.Length == 0)
        {
            throw new ArgumentException("Sequential needs at least one layer.", nameof(layers));
        }

        for (int l = 1; l < _layers.Length; l++)
        {
            if (_layers[l - 1].OutputSize != _layers[l].InputSize)
            {
                throw new ArgumentException(
                    $"Sequential: layer {l - 1} {_layers[l - 1].Name} outputs {_layers[l - 1].OutputSize} features but layer {l} {_layers[l].Name} expects {_layers[l].InputSize}.",
                    nameof(layers));
            }
        }

        Parameters = [.. _layers.SelectMany(l => l.Parameters)];
        _outputs = [.. _layers.Select(l => new RowBuffers(l.OutputSize))];
        _gradients = [.. _layers.Select(l => new RowBuffers(l.InputSize))];
    }

    /// <summary>Chains <paramref name="layers"/>.</summary>
    /// <exception cref="ArgumentException">When the list is empty or two neighbours' sizes disagree.</exception>
    public Sequential(params ILayer[] layers)
        : this((IEnumerable<ILayer>)layers)
    {
    }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<ILayer> Layers => _layers;

    /// <inheritdoc/>
    public int InputSize => _layers[0].InputSize;

    /// <inheritdoc/>
    public int OutputSize => _layers[^1].OutputSize;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Number of learnable scalars.</summary>
    public int ParameterCount => Parameters.Sum(p => p.Length);

    /// <summary>The output of layer <paramref name="index"/> in the last forward with <paramref name="rows"/> rows (an internal buffer).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the index is outside the layer list.</exception>
    public Matrix<double> OutputOf(int index, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _layers.Length);
        return _outputs[index].Get(rows);
    }

    /// <inheritdoc/>
    public Matrix<double> Forward(Matrix<double> x, Mode mode)
    {
        Guard.Features(x, InputSize, ToString());
        Matrix<double> current = x;
        for (int l = 0; l < _layers.Length; l++)
        {
            var output = _outputs[l].Get(x.RowCount);
            _layers[l].Forward(current, mode, output);
            current = output;
        }

        return current;
    }

    /// <inheritdoc/>
    public Matrix<double> Backward(Matrix<double> dLogits)
    {
        ArgumentNullException.ThrowIfNull(dLogits);
        Matrix<double> current = dLogits;
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            var dX = _gradients[l].Get(dLogits.RowCount);
            _layers[l].Backward(current, dX);
            current = dX;
        }

        return current;
    }

    /// <summary>The predicted class (arg-max of the eval-mode logits) of each row.</summary>
    public int[] PredictClasses(Matrix<double> x) => ClassPrediction.ArgMaxPerRow(Forward(x, Mode.Eval));

    /// <inheritdoc/>
    public override string ToString() => $"Sequential({string.Join(", ", _layers.Select(l => l.Name))})";
}
