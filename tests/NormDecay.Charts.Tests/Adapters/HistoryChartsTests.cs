using MathNet.Numerics.LinearAlgebra;
using NormDecay.Charts.Adapters;
using NormDecay.Charts.Text;
using NormDecay.Data;
using NormDecay.Networks;
using NormDecay.Optimizers;
using NormDecay.Schedules;
using NormDecay.Training;

namespace NormDecay.Charts.Tests.Adapters;

public class HistoryChartsTests
{
    private static readonly Lazy<(TrainingHistory Plain, TrainingHistory Bn)> Runs = new(() => (Train(BnPlacement.None), Train(BnPlacement.BeforeActivation)));

    private static Dataset Blobs()
    {
        var rng = new Random(5);
        var x = Matrix<double>.Build.Dense(120, 2);
        var labels = new int[120];
        for (var i = 0; i < 120; i++)
        {
            labels[i] = i % 2;
            x[i, 0] = Gaussian.Sample(rng) + (labels[i] == 0 ? -1.5 : 1.5);
            x[i, 1] = Gaussian.Sample(rng) * 3 + 10;
        }

        return new Dataset("blobs", x, labels, ["a", "b"], ["left", "right"]);
    }

    private static TrainingHistory Train(BnPlacement placement)
    {
        var data = Blobs();
        var net = new Mlp([2, 8, 8, 2], new Random(1), placement: placement);
        var trainer = new Trainer(net, new Sgd(net.Parameters, new ConstantRate(0.05)), new TrainerOptions { Epochs = 4, BatchSize = 16, Seed = 2, LayerStatisticsEvery = 1 });
        return trainer.Fit(data, data);
    }

    private static (ChartLabel, TrainingHistory)[] Named()
    {
        var (plain, bn) = Runs.Value;
        return [("legend.withoutBn", plain), ("legend.withBn", bn)];
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void LossVsEpochAndTime_TwoRuns_TwoPanelsFromTheHistories(string language)
    {
        using var _ = ChartText.Use(language);
        var fig = new FigureJson(HistoryCharts.LossVsEpochAndTime(Named())).AssertClean();
        var (plain, bn) = Runs.Value;
        Assert.Equal(4, fig.TraceCount);
        Assert.Equal(ChartText.Get("axis.seconds"), fig.AxisTitle("xaxis2"));
        Assert.Equal([1.0, 2, 3, 4], fig.Numbers(0, "x"));
        Assert.Equal(bn.Epochs[2].TrainLoss, fig.Numbers(1, "y")[2], 5);
        Assert.Equal(plain.Epochs[3].ElapsedSeconds, fig.Numbers(2, "x")[3], 5);
    }

    [Fact]
    public void Accuracy_RunsWithTestSet_TrainSolidTestDashed()
    {
        var fig = new FigureJson(HistoryCharts.Accuracy(Named())).AssertClean();
        Assert.Equal(4, fig.TraceCount);
        Assert.Equal("dash", fig.Trace(1).GetProperty("line").GetProperty("dash").GetString());
        Assert.Contains(ChartText.Get("legend.test"), fig.Trace(1).GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(Runs.Value.Plain.Epochs[1].TestAccuracy!.Value, fig.Numbers(1, "y")[1], 5);
    }

    [Fact]
    public void StepLossAndLearningRate_OnePointPerStep()
    {
        var steps = Runs.Value.Bn.Steps.Count;
        Assert.Equal(4 * 8, steps); // 120 examples, batches of 16, 4 epochs
        Assert.Equal(steps, new FigureJson(HistoryCharts.StepLoss(Named())).AssertClean().Numbers(1, "y").Length);
        Assert.All(new FigureJson(HistoryCharts.LearningRate(Named())).Numbers(0, "y"), v => Assert.Equal(0.05, v));
    }

    [Fact]
    public void ZeroFraction_TwoRunsTwoLayers_BarsFromLastEpoch()
    {
        var fig = new FigureJson(HistoryCharts.ZeroFraction(Named())).AssertClean();
        Assert.Equal(2, fig.TraceCount);
        Assert.Equal(Runs.Value.Plain.Final!.Layers[1].PostZeroFraction, fig.Numbers(0, "y")[1], 5);
    }

    [Fact]
    public void GammaBeta_BnRun_TwoCurvesPlainRunThrows()
    {
        var fig = new FigureJson(HistoryCharts.GammaBeta(Runs.Value.Bn, 1)).AssertClean();
        Assert.Equal(2, fig.TraceCount);
        Assert.Equal(Runs.Value.Bn.Epochs[3].Layers[1].GammaMean!.Value, fig.Numbers(0, "y")[3], 5);
        var ex = Assert.Throws<ArgumentException>(() => HistoryCharts.GammaBeta(Runs.Value.Plain, 0));
        Assert.Contains("layer 0", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Without BN (Training)", "Without BN (Test)", "With BN")]
    [InlineData("fa", "بدون نرمال‌سازی دسته‌ای (آموزش)", "بدون نرمال‌سازی دسته‌ای (آزمون)", "با نرمال‌سازی دسته‌ای")]
    public void Accuracy_RunsNamedByKeys_LegendAndSplitSuffixInFigureLanguage(string language, string train, string test, string bars)
    {
        using var _ = ChartText.Use(language);
        var fig = new FigureJson(HistoryCharts.Accuracy(Named())).AssertClean();
        Assert.Equal(train, fig.Trace(0).GetProperty("name").GetString());
        Assert.Equal(test, fig.Trace(1).GetProperty("name").GetString());
        Assert.Equal(bars, new FigureJson(HistoryCharts.ZeroFraction(Named())).Trace(1).GetProperty("name").GetString());
    }

    [Fact]
    public void Loss_RunNamedByLiteralText_PassesThroughUnchanged()
    {
        var fig = new FigureJson(HistoryCharts.LossVsEpochAndTime([(ChartLabel.Text("mine: 64-8-8-2"), Runs.Value.Bn)])).AssertClean();
        Assert.Equal("mine: 64-8-8-2", fig.Trace(0).GetProperty("name").GetString());
    }

    [Fact]
    public void Loss_RunNamedByMissingKey_ThrowsKeyNotFoundNamingKeyAndRun()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => HistoryCharts.Loss([("legend.withBn", Runs.Value.Bn), ("mine", Runs.Value.Plain)]));
        Assert.Contains("'mine'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("run", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "gamma")]
    [InlineData("fa", "گاما")]
    public void GammaBeta_LegendInFigureLanguage(string language, string gamma)
    {
        using var _ = ChartText.Use(language);
        Assert.Equal(gamma, new FigureJson(HistoryCharts.GammaBeta(Runs.Value.Bn, 1)).Trace(0).GetProperty("name").GetString());
    }

    [Fact]
    public void Loss_NoRuns_Throws() => Assert.Throws<ArgumentException>(() => HistoryCharts.Loss([]));
}
