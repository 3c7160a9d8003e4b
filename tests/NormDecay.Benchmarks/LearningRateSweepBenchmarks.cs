using BenchmarkDotNet.Attributes;
using NormDecay.Networks;
using NormDecay.Training;

namespace NormDecay.Benchmarks;

/// <summary>
/// Workload 3: lesson 4's learning-rate sweep. For each of 6 learning rates, without and with BN before the
/// activation: a fresh seeded 64-128-128-10 network, SGD momentum 0.9, 3 epochs of batch 64, the test split
/// evaluated (eval mode) after every epoch. 12 runs, 36 epochs, 828 steps per op. bench.py: <c>lr_sweep</c>.
/// </summary>
[Config(typeof(BenchConfig))]
public class LearningRateSweepBenchmarks
{
    public static readonly double[] LearningRates = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3];
    public const int Epochs = 3;

    [GlobalSetup]
    public void Setup() => _ = Digits.Train;

    [Benchmark, BenchmarkCategory("lr_sweep")]
    public double Sweep()
    {
        double best = 0;
        foreach (var placement in new[] { BnPlacement.None, BnPlacement.BeforeActivation })
        {
            foreach (double lr in LearningRates)
            {
                var history = MlpEpochBenchmarks.NewTrainer(placement, lr, Epochs).Fit(Digits.Train, Digits.Test);
                best = Math.Max(best, history.Final?.TestAccuracy ?? 0);
            }
        }
        return best;
    }

    /// <summary>The same sweep in TorchSharp (bench.py's <c>lr_sweep</c> in the same process).</summary>
    [Benchmark, BenchmarkCategory("torchsharp:lr_sweep")]
    public double TorchSharpSweep() => TorchSharpPeer.LearningRateSweep();
}
