using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using NormDecay.Data;
using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Optimizers;
using NormDecay.Training;

namespace NormDecay.Benchmarks;

/// <summary>
/// Allocation per step in the steady-state training loop. <c>OperationsPerInvoke</c> is the number of steps,
/// so BenchmarkDotNet's Time and Allocated columns are per step.
/// <list type="bullet">
/// <item><c>train_step_*</c>: the loop itself (gather batch, forward, loss, backward, SGD step) over an
/// epoch's batches, after a warm-up: the goal is 0 B per step.</item>
/// <item><c>fit_step_*</c>: <see cref="Trainer.Fit"/> over 10 epochs (230 steps), including what the history
/// records (one <see cref="StepRecord"/> per step, an <see cref="EpochRecord"/> with layer statistics per epoch)
/// and the per-Fit setup, divided by the steps.</item>
/// </list>
/// </summary>
[Config(typeof(BenchConfig))]
public class TrainingStepBenchmarks
{
    const int StepsPerEpoch = 23; // ceil(1437 / 64)
    const int FitEpochs = 10;

    /// <summary><c>nobn</c>: no batch norm; <c>bn</c>: BN before each hidden activation.</summary>
    [Params("nobn", "bn")]
    public string Variant { get; set; } = "nobn";

    Mlp _network = null!;
    Sgd _sgd = null!;
    Trainer _trainer = null!;
    Matrix<double>[] _x = null!, _dLogits = null!;
    int[][] _y = null!;

    [GlobalSetup]
    public void Setup()
    {
        var placement = Variant == "bn" ? BnPlacement.BeforeActivation : BnPlacement.None;
        _network = new Mlp(Digits.LayerSizes, new Random(Digits.Seed), placement: placement);
        _sgd = new Sgd(_network.Parameters, Digits.LearningRate, Digits.Momentum);
        var batches = new MiniBatches(Digits.Train.Count, Digits.BatchSize, new Random(Digits.Seed)).NextEpoch();
        _x = new Matrix<double>[batches.Count];
        _dLogits = new Matrix<double>[batches.Count];
        _y = new int[batches.Count][];
        for (int b = 0; b < batches.Count; b++)
        {
            int n = batches[b].Length;
            _x[b] = Matrix<double>.Build.Dense(n, Digits.Train.FeatureCount);
            _y[b] = new int[n];
            MiniBatches.Gather(Digits.Train, batches[b].Span, _x[b], _y[b]);
            _dLogits[b] = Matrix<double>.Build.Dense(n, Digits.LayerSizes[^1]);
        }
        if (batches.Count != StepsPerEpoch)
            throw new InvalidOperationException($"expected {StepsPerEpoch} batches per epoch, got {batches.Count}");
        _trainer = MlpEpochBenchmarks.NewTrainer(placement, Digits.LearningRate, FitEpochs);
        TrainSteps(); // buffers for both batch sizes exist from here on
    }

    [Benchmark(OperationsPerInvoke = StepsPerEpoch), BenchmarkCategory("train_step")]
    public double TrainSteps()
    {
        double loss = 0;
        for (int b = 0; b < _x.Length; b++)
        {
            var logits = _network.Forward(_x[b], Mode.Train);
            loss = SoftmaxCrossEntropy.Compute(logits, _y[b], _dLogits[b]);
            _network.Backward(_dLogits[b]);
            _sgd.Step();
        }
        return loss;
    }

    [Benchmark(OperationsPerInvoke = StepsPerEpoch * FitEpochs), BenchmarkCategory("fit_step")]
    public TrainingHistory FitSteps()
    {
        var history = _trainer.Fit(Digits.Train);
        if (history.Diverged)
            throw new InvalidOperationException($"{_trainer.Network} diverged at step {history.DivergedAtStep}; steps per op would be wrong");
        return history;
    }
}
