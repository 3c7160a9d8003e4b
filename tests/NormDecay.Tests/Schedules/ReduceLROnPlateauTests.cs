using NormDecay.Schedules;

namespace NormDecay.Tests.Schedules;

public class ReduceLROnPlateauTests
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in ScheduleReference.PlateauCases)
        {
            data.Add(c.GetProperty("id").GetString()!);
        }

        return data;
    }

    private static ReduceLROnPlateau Build(System.Text.Json.JsonElement c)
    {
        var p = c.GetProperty("params");
        var mode = p.S("mode") == "min" ? PlateauMode.Min : PlateauMode.Max;
        return c.S("convention") == "pytorch"
            ? new ReduceLROnPlateau(p.D("initial_rate"), mode, p.D("factor"), p.I("patience"), p.D("threshold"),
                p.S("threshold_mode") == "rel" ? ThresholdMode.Rel : ThresholdMode.Abs, p.I("cooldown"), p.D("min_lr"), p.D("eps"))
            : ReduceLROnPlateau.KerasStyle(p.D("initial_rate"), mode, p.D("factor"), p.I("patience"), p.D("min_delta"),
                p.I("cooldown"), p.D("min_lr"));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Observe_ReferenceMetricSequence_ConsistentWithReference(string id)
    {
        var c = ScheduleReference.PlateauCase(id);
        var plateau = Build(c);
        double[] metrics = c.Doubles("metrics");
        double[] expected = c.Doubles("lr");
        for (int k = 0; k < metrics.Length; k++)
        {
            double lr = plateau.Observe(metrics[k]);
            Assert.True(ScheduleTolerances.Close(expected[k], lr), $"{id} epoch {k} (metric {metrics[k]}): expected {expected[k]:R}, got {lr:R}");
            Assert.Equal(lr, plateau.Current);
        }
    }

    [Fact]
    public void Observe_FlatMetric_PyTorchCutsOneEpochLaterThanKeras()
    {
        var torch = new ReduceLROnPlateau(1.0, patience: 2);
        var keras = ReduceLROnPlateau.KerasStyle(1.0, patience: 2);
        // Epoch 0 sets the best; epochs 1, 2, 3 are bad. Keras cuts when wait reaches 2 (epoch 2), PyTorch when bad exceeds 2 (epoch 3).
        double[] torchRates = [.. Enumerable.Range(0, 4).Select(_ => torch.Observe(5.0))];
        double[] kerasRates = [.. Enumerable.Range(0, 4).Select(_ => keras.Observe(5.0))];
        Assert.Equal([1.0, 1.0, 1.0, 0.1], torchRates, new DoubleTolerance());
        Assert.Equal([1.0, 1.0, 0.1, 0.1], kerasRates, new DoubleTolerance());
    }

    [Fact]
    public void Reset_AfterCuts_RestoresInitialState()
    {
        var plateau = new ReduceLROnPlateau(0.5, patience: 0, cooldown: 3);
        for (int i = 0; i < 6; i++)
        {
            plateau.Observe(1.0);
        }

        Assert.True(plateau.Current < 0.5);
        plateau.Reset();
        Assert.Equal(0.5, plateau.Current);
        Assert.Equal(double.PositiveInfinity, plateau.Best);
        Assert.Equal(0, plateau.BadEpochs);
        Assert.Equal(0, plateau.CooldownCounter);
        Assert.Equal(0, plateau.Epoch);
    }

    [Fact]
    public void Observe_NaN_ThrowsNamingMetricAndEpoch()
    {
        var plateau = new ReduceLROnPlateau(0.1);
        plateau.Observe(1.0);
        var ex = Assert.Throws<ArgumentException>(() => plateau.Observe(double.NaN));
        Assert.Equal("metric", ex.ParamName);
        Assert.Contains("epoch 1", ex.Message);
    }

    [Fact]
    public void Observe_RateAtMinLr_NeverGoesBelow()
    {
        var plateau = new ReduceLROnPlateau(0.1, factor: 0.5, patience: 0, minLr: 0.03);
        for (int i = 0; i < 20; i++)
        {
            plateau.Observe(1.0);
        }

        Assert.Equal(0.03, plateau.Current, 15);
    }

    private sealed class DoubleTolerance : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => ScheduleTolerances.Close(x, y);

        public int GetHashCode(double obj) => 0;
    }
}
