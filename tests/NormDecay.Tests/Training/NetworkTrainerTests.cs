using NormDecay.Data;
using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Normalization;
using NormDecay.Optimizers;
using NormDecay.Training;

namespace NormDecay.Tests.Training;

public class NetworkTrainerTests
{
    private static (Dataset Train, Dataset Test) Digits()
    {
        var (train, test) = DataSplit.Split(Datasets.Digits(), 0.3, new Random(0));
        var scaler = Standardizer.Fit(train.X);
        return (train with { X = scaler.Transform(train.X) }, test with { X = scaler.Transform(test.X) });
    }

    private static Sequential ConvNet(Random random)
    {
        var conv = new Conv2d(new ImageShape(1, 8, 8), 4, 3, random, padding: 1);
        var pool = new MaxPool2d(conv.Output);
        return new Sequential(conv, new BatchNorm2d(conv.Output), new ReLU(conv.Output.Size), pool, new Dense(pool.Output.Size, 10, Initializer.He, random));
    }

    [Fact]
    public void Fit_ConvNetOnDigits_LearnsWithSgdAndAdam()
    {
        var (train, test) = Digits();
        foreach (Func<Sequential, IOptimizer> make in new Func<Sequential, IOptimizer>[] { n => new Sgd(n.Parameters, 0.05, momentum: 0.9), n => new Adam(n.Parameters, 3e-3) })
        {
            var net = ConvNet(new Random(1));
            double before = NetworkTrainer.Evaluate(net, test).Accuracy;
            var history = new NetworkTrainer(net, make(net), new TrainerOptions { Epochs = 3, BatchSize = 32 }).Fit(train, test);
            Assert.False(history.Diverged);
            Assert.Equal(3, history.Epochs.Count);
            Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss);
            Assert.InRange(history.Final!.TestAccuracy!.Value, 0.85, 1.0);
            Assert.True(before < 0.5, $"untrained accuracy {before}");
        }
    }

    [Fact]
    public void Fit_SameSeed_IsReproducible()
    {
        var (train, test) = Digits();
        double Run()
        {
            var net = ConvNet(new Random(5));
            return new NetworkTrainer(net, new Sgd(net.Parameters, 0.05), new TrainerOptions { Epochs = 1, Seed = 3 }).Fit(train, test).Final!.TestLoss!.Value;
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Evaluate_Chunked_EqualsOnePass()
    {
        var (_, test) = Digits();
        var net = ConvNet(new Random(2));
        var (loss1, acc1) = NetworkTrainer.Evaluate(net, test, chunk: 7);
        var (loss2, acc2) = NetworkTrainer.Evaluate(net, test, chunk: 10_000);
        Assert.Equal(loss2, loss1, 12);
        Assert.Equal(acc2, acc1, 12);
    }

    [Fact]
    public void Fit_WrongFeatureCount_NamesDatasetAndNetwork()
    {
        var net = new Sequential(new Dense(3, 2, Initializer.He, new Random(0)));
        var (train, _) = Digits();
        var ex = Assert.Throws<ArgumentException>(() => new NetworkTrainer(net, new Sgd(net.Parameters, 0.1), new TrainerOptions()).Fit(train));
        Assert.Contains("has 64 features but the network", ex.Message);
    }

    [Fact]
    public void Fit_Mlp_SameLoopAsTrainerWhichAddsLayerStatistics()
    {
        // One training loop: on the same Mlp, seed and optimizer settings, NetworkTrainer and Trainer record the same steps
        // and epochs to the bit; only Trainer adds the per-layer statistics an Mlp has.
        var (train, test) = Digits();
        var options = new TrainerOptions { Epochs = 2, BatchSize = 50, Seed = 4, LayerStatisticsEvery = 5 };
        Mlp Net() => new([64, 32, 16, 10], new Random(6), placement: BnPlacement.BeforeActivation);
        Mlp a = Net(), b = Net();
        var viaNetworkTrainer = new NetworkTrainer(a, new Sgd(a.Parameters, 0.1, momentum: 0.9), options).Fit(train, test);
        var viaTrainer = new Trainer(b, new Sgd(b.Parameters, 0.1, momentum: 0.9), options).Fit(train, test);

        Assert.Equal(viaTrainer.Steps.Select(s => (s.Loss, s.Accuracy, s.LearningRate)), viaNetworkTrainer.Steps.Select(s => (s.Loss, s.Accuracy, s.LearningRate)));
        Assert.Equal(viaTrainer.Epochs.Select(e => (e.TrainLoss, e.TestLoss)), viaNetworkTrainer.Epochs.Select(e => (e.TrainLoss, e.TestLoss)));
        Assert.All(viaNetworkTrainer.Epochs, e => Assert.Empty(e.Layers));
        Assert.All(viaTrainer.Epochs, e => Assert.Equal(2, e.Layers.Count));
        Assert.NotNull(viaTrainer.Steps[5].Layers);
        Assert.Null(viaTrainer.Steps[6].Layers);
        Assert.Equal(Trainer.Evaluate(b, test), NetworkTrainer.Evaluate(b, test, chunk: test.Count));
    }
}
