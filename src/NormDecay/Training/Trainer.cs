using NormDecay.Data;
using NormDecay.Networks;
using NormDecay.Optimizers;

namespace NormDecay.Training;

/// <summary>
/// Mini-batch training of an <see cref="Mlp"/> classifier with softmax cross-entropy and <see cref="Sgd"/>, recording
/// a <see cref="TrainingHistory"/> with the per-layer statistics only an <see cref="Mlp"/> has (at the end of every epoch,
/// and every <see cref="TrainerOptions.LayerStatisticsEvery"/> steps). The loop itself is <see cref="NetworkTrainer"/>'s:
/// forward (train mode) → loss → backward → optimizer step, the test set evaluated in eval mode after each epoch.
/// </summary>
/// <remarks>
/// Batches come from <see cref="MiniBatches"/> seeded by <see cref="TrainerOptions.Seed"/>, so a run is reproducible.
/// The steady-state loop allocates nothing per step except the history records. A NaN or infinite loss stops the run and
/// marks <see cref="TrainingHistory.Diverged"/>.
/// </remarks>
public sealed class Trainer
{
    private readonly NetworkTrainer loop;

    /// <summary>A trainer of <paramref name="network"/> with <paramref name="optimizer"/>.</summary>
    /// <param name="network">The network to train (its parameters are updated in place).</param>
    /// <param name="optimizer">An optimizer over <c>network.Parameters</c>.</param>
    /// <param name="options">Epochs, batch size, seed, statistics frequency.</param>
    public Trainer(Mlp network, Sgd optimizer, TrainerOptions options)
    {
        Network = network ?? throw new ArgumentNullException(nameof(network));
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        Options = options;
        loop = new NetworkTrainer(network, optimizer, options, nameof(Trainer), () => LayerStatistics.Of(network));
    }

    /// <summary>The network.</summary>
    public Mlp Network { get; }

    /// <summary>The optimizer.</summary>
    public Sgd Optimizer { get; }

    /// <summary>The options.</summary>
    public TrainerOptions Options { get; }

    /// <summary>Trains for <see cref="TrainerOptions.Epochs"/> epochs on <paramref name="train"/>, evaluating on <paramref name="test"/> when given.</summary>
    /// <exception cref="ArgumentException">When a data set's feature or class count does not match the network.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public TrainingHistory Fit(Dataset train, Dataset? test = null) => loop.Fit(train, test);

    /// <summary>Mean cross-entropy and accuracy of <paramref name="network"/> on <paramref name="data"/>, in eval mode (one forward pass).</summary>
    /// <exception cref="ArgumentException">When the data set does not match the network's input size.</exception>
    public static (double Loss, double Accuracy) Evaluate(Mlp network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return NetworkTrainer.Evaluate(network, data, Math.Max(1, data.Count));
    }
}
