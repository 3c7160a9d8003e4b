using MathNet.Numerics.LinearAlgebra;
using NormDecay.Layers;
using NormDecay.Normalization;
using NormDecay.Tensors;

namespace NormDecay.Networks;

/// <summary>
/// A multi-layer perceptron for classification, e.g. sizes (64, 128, 128, 10): input 64, two hidden layers of 128, 10 logits.
/// Each hidden block is Dense → [BN] → activation → [BN] according to <see cref="BnPlacement"/>; the last layer is a Dense
/// producing logits (feed them to <see cref="SoftmaxCrossEntropy"/>).
/// </summary>
/// <remarks>
/// The Dense layers keep their bias even when BN follows (BN's β makes it redundant and its gradient is exactly 0 then,
/// as the course shows; keeping it keeps the parameter count of the three placements comparable).
/// <see cref="Forward"/> and <see cref="Backward"/> reuse internal buffers: their results are valid until the next call
/// with the same batch size. Mode is explicit; <see cref="Predict"/> always runs in eval mode.
/// </remarks>
public sealed class Mlp : INetwork
{
    private readonly ILayer[] _layers;
    private readonly RowBuffers[] _outputs;
    private readonly RowBuffers[] _gradients;
    private readonly Matrix<double>[] _pre;
    private readonly Matrix<double>[] _post;
    private readonly string _name;

    /// <summary>Builds the network; weights come from <paramref name="initializer"/> and <paramref name="random"/>.</summary>
    /// <param name="layerSizes">Input size, hidden sizes, output size (at least two entries, all &gt; 0).</param>
    /// <param name="random">Seeded source of randomness for the weights.</param>
    /// <param name="activation">Hidden nonlinearity; default ReLU.</param>
    /// <param name="placement">Where BN goes; default none.</param>
    /// <param name="initializer">Weight initializer; default <see cref="Initializer.He"/>.</param>
    /// <param name="batchNorm">BN conventions; default <see cref="BatchNormOptions.PyTorch"/>.</param>
    /// <param name="afterBatchNorm">Optional: builds a layer (given the hidden size) inserted right after each batch
    /// normalization, e.g. a <see cref="NoiseInjection"/> for Santurkar et al.'s "noisy BN"; ignored without BN. Default none.</param>
    /// <exception cref="ArgumentException">When fewer than two sizes are given or one is not positive, or when
    /// <paramref name="afterBatchNorm"/> builds a layer whose sizes differ from the hidden size.</exception>
    public Mlp(
        IReadOnlyList<int> layerSizes, Random random, ActivationKind activation = ActivationKind.ReLU,
        BnPlacement placement = BnPlacement.None, Initializer? initializer = null, BatchNormOptions? batchNorm = null,
        Func<int, ILayer>? afterBatchNorm = null)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        ArgumentNullException.ThrowIfNull(random);
        if (layerSizes.Count < 2 || layerSizes.Any(s => s <= 0))
        {
            throw new ArgumentException($"layerSizes needs at least an input and an output size, all > 0, got ({string.Join(", ", layerSizes)}).", nameof(layerSizes));
        }

        if (!Enum.IsDefined(placement))
        {
            throw new ArgumentOutOfRangeException(nameof(placement), placement, $"Unknown BnPlacement {placement}.");
        }

        LayerSizes = [.. layerSizes];
        _name = $"Mlp({string.Join(", ", LayerSizes)})";
        Placement = placement;
        ActivationKind = activation;
        initializer ??= Initializer.He;
        var layers = new List<ILayer>();
        var blocks = new List<HiddenBlock>();
        for (int h = 1; h < LayerSizes.Length - 1; h++)
        {
            int size = LayerSizes[h];
            var dense = new Dense(LayerSizes[h - 1], size, initializer, random, $"hidden{h}.dense");
            var bn = placement == BnPlacement.None ? null : new BatchNorm(size, batchNorm, $"hidden{h}.bn") { ValidateInput = false };
            var act = Activation.Create(activation, size);
            layers.Add(dense);
            if (placement == BnPlacement.BeforeActivation)
            {
                layers.Add(bn!);
                AddAfterBatchNorm(layers, afterBatchNorm, size);
            }

            layers.Add(act);
            blocks.Add(new HiddenBlock(dense, bn, act, layers.Count - 1));
            if (placement == BnPlacement.AfterActivation)
            {
                layers.Add(bn!);
                AddAfterBatchNorm(layers, afterBatchNorm, size);
            }
        }

        layers.Add(new Dense(LayerSizes[^2], LayerSizes[^1], initializer, random, "output.dense"));
        _layers = [.. layers];
        HiddenBlocks = blocks;
        Parameters = [.. _layers.SelectMany(l => l.Parameters)];
        _outputs = [.. _layers.Select(l => new RowBuffers(l.OutputSize))];
        _gradients = [.. _layers.Select(l => new RowBuffers(l.InputSize))];
        _pre = new Matrix<double>[blocks.Count];
        _post = new Matrix<double>[blocks.Count];
    }

    /// <summary>The sizes given to the constructor.</summary>
    public int[] LayerSizes { get; }

    /// <summary>Where BN is placed.</summary>
    public BnPlacement Placement { get; }

    /// <summary>The hidden nonlinearity.</summary>
    public ActivationKind ActivationKind { get; }

    /// <summary>Every layer in order, e.g. Dense, BatchNorm, ReLU, Dense, BatchNorm, ReLU, Dense.</summary>
    public IReadOnlyList<ILayer> Layers => _layers;

    /// <summary>The hidden blocks, first to last.</summary>
    public IReadOnlyList<HiddenBlock> HiddenBlocks { get; }

    /// <summary>All learnable parameters in layer order (what an optimizer updates).</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Input features.</summary>
    public int InputSize => LayerSizes[0];

    /// <summary>Number of outputs (classes).</summary>
    public int OutputSize => LayerSizes[^1];

    /// <summary>Per hidden block, the input of its activation in the last forward (after BN when BN comes before the activation).</summary>
    /// <exception cref="InvalidOperationException">Before the first forward.</exception>
    public IReadOnlyList<Matrix<double>> PreActivations => _pre.Length > 0 && _pre[0] is null ? throw NotYet() : _pre;

    /// <summary>Per hidden block, the output of its activation in the last forward (before BN when BN comes after).</summary>
    /// <exception cref="InvalidOperationException">Before the first forward.</exception>
    public IReadOnlyList<Matrix<double>> PostActivations => _post.Length > 0 && _post[0] is null ? throw NotYet() : _post;

    /// <summary>Logits for <paramref name="x"/> (rows = examples), in an internal buffer valid until the next forward with this batch size.</summary>
    /// <exception cref="ArgumentException">When x does not have <see cref="InputSize"/> columns (or BN gets a batch of one in training).</exception>
    public Matrix<double> Forward(Matrix<double> x, Mode mode)
    {
        Guard.Features(x, InputSize, _name);
        int n = x.RowCount;
        Matrix<double> current = x;
        for (int l = 0; l < _layers.Length; l++)
        {
            var output = _outputs[l].Get(n);
            if (_layers[l] is Dense dense && l + 1 < _layers.Length && _layers[l + 1] is ReLU relu)
            {
                // Dense → ReLU with nothing between: bias and ReLU in the product's epilogue (same values, one pass).
                var activation = _outputs[l + 1].Get(n);
                dense.ForwardWithReLU(current, relu, output, activation);
                current = activation;
                l++;
                continue;
            }

            _layers[l].Forward(current, mode, output);
            current = output;
        }

        for (int h = 0; h < HiddenBlocks.Count; h++)
        {
            int a = HiddenBlocks[h].ActivationIndex;
            _pre[h] = _outputs[a - 1].Get(n);
            _post[h] = _outputs[a].Get(n);
        }

        return current;
    }

    /// <summary>Back-propagates dL/dlogits through every layer, filling every parameter's gradient; returns dL/dx (internal buffer).</summary>
    /// <exception cref="InvalidOperationException">Before a forward pass.</exception>
    public Matrix<double> Backward(Matrix<double> dLogits) => BackwardThrough(dLogits, inputGradient: true)!;

    /// <summary>
    /// As <see cref="Backward(Matrix{double})"/> but without dL/dx of the input, which training does not need (the data
    /// is not learned): the first dense layer computes dW and db only, saving one matrix product per step.
    /// This is what <see cref="Training.Trainer"/> calls.
    /// </summary>
    /// <exception cref="InvalidOperationException">Before a forward pass.</exception>
    public void BackwardParameters(Matrix<double> dLogits) => BackwardThrough(dLogits, inputGradient: false);

    private Matrix<double>? BackwardThrough(Matrix<double> dLogits, bool inputGradient)
    {
        ArgumentNullException.ThrowIfNull(dLogits);
        Matrix<double> current = dLogits;
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            if (l == 0 && !inputGradient && _layers[0] is Dense first)
            {
                first.BackwardParametersOnly(current);
                return null;
            }

            var dX = _gradients[l].Get(dLogits.RowCount);
            _layers[l].Backward(current, dX);
            current = dX;
        }

        return current;
    }

    /// <summary>Logits in eval mode (running BN statistics), as a new matrix.</summary>
    public Matrix<double> Predict(Matrix<double> x) => Forward(x, Mode.Eval).Clone();

    /// <summary>The predicted class (arg-max of the eval-mode logits) of each row.</summary>
    public int[] PredictClasses(Matrix<double> x) => ClassPrediction.ArgMaxPerRow(Forward(x, Mode.Eval));

    /// <inheritdoc/>
    public override string ToString() => $"Mlp({string.Join(", ", LayerSizes)}, {ActivationKind}, BN {Placement})";

    private static void AddAfterBatchNorm(List<ILayer> layers, Func<int, ILayer>? factory, int size)
    {
        if (factory is null)
        {
            return;
        }

        ILayer extra = factory(size) ?? throw new ArgumentException("afterBatchNorm returned null.", nameof(factory));
        if (extra.InputSize != size || extra.OutputSize != size)
        {
            throw new ArgumentException($"afterBatchNorm must build a layer of size {size} -> {size}; got {extra.Name} ({extra.InputSize} -> {extra.OutputSize}).", nameof(factory));
        }

        layers.Add(extra);
    }

    private static InvalidOperationException NotYet() => new("Mlp: layer activations are available after the first Forward.");
}
