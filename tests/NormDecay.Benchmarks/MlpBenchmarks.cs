using BenchmarkDotNet.Attributes;
using NormDecay.Networks;
using NormDecay.Optimizers;
using NormDecay.Training;

namespace NormDecay.Benchmarks;

/// <summary>
/// Workload 2: one training epoch of the digits MLP 64-128-128-10 (batch 64, SGD lr 0.1 momentum 0.9) through
/// <see cref="Trainer.Fit"/> with one epoch: seeded shuffle, 23 steps (22 of 64 rows, one of 29), history recorded.
/// The network and optimizer persist across invocations, so each op is a further epoch of the same run, as in
/// bench.py's <c>mlp_epoch_*</c>.
/// </summary>
[Config(typeof(BenchConfig))]
public class MlpEpochBenchmarks
{
    Trainer _plain = null!, _withBn = null!;
    TorchSharpPeer.MlpEpoch _torchPlain = null!, _torchBn = null!;
    int _epoch;

    [GlobalSetup]
    public void Setup()
    {
        _ = Digits.Train;
        _plain = NewTrainer(BnPlacement.None, Digits.LearningRate, epochs: 1);
        _withBn = NewTrainer(BnPlacement.BeforeActivation, Digits.LearningRate, epochs: 1);
        _torchPlain = new TorchSharpPeer.MlpEpoch(withBn: false);
        _torchBn = new TorchSharpPeer.MlpEpoch(withBn: true);
    }

    internal static Trainer NewTrainer(BnPlacement placement, double learningRate, int epochs, int seed = Digits.Seed)
    {
        var network = new Mlp(Digits.LayerSizes, new Random(seed), placement: placement);
        var sgd = new Sgd(network.Parameters, learningRate, Digits.Momentum);
        return new Trainer(network, sgd, new TrainerOptions { Epochs = epochs, BatchSize = Digits.BatchSize, Seed = seed });
    }

    [Benchmark, BenchmarkCategory("mlp_epoch_nobn")]
    public TrainingHistory EpochWithoutBn() => Fit(_plain);

    [Benchmark, BenchmarkCategory("mlp_epoch_bn")]
    public TrainingHistory EpochWithBn() => Fit(_withBn);

    [Benchmark, BenchmarkCategory("torchsharp:mlp_epoch_nobn")]
    public double TorchSharpEpochWithoutBn() => _torchPlain.Run();

    [Benchmark, BenchmarkCategory("torchsharp:mlp_epoch_bn")]
    public double TorchSharpEpochWithBn() => _torchBn.Run();

    TrainingHistory Fit(Trainer trainer)
    {
        // A different shuffle each epoch (the trainer seeds its own shuffler per Fit).
        var options = trainer.Options with { Seed = ++_epoch };
        var history = new Trainer(trainer.Network, trainer.Optimizer, options).Fit(Digits.Train);
        if (history.Diverged)
            throw new InvalidOperationException($"{trainer.Network} diverged at step {history.DivergedAtStep}; the benchmark would time NaN arithmetic");
        return history;
    }
}
