using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;
using NormDecay.Training;
using Plotly.NET;

namespace NormDecay.Charts.Adapters;

/// <summary>
/// Training runs (<see cref="TrainingHistory"/>) as figures. Each run is a (name, history) pair; the name is the legend
/// entry, a <see cref="ChartLabel"/> like every name a figure shows: a key (<c>("legend.withBn", history)</c>), a formatted
/// key, or literal text (<c>(ChartLabel.Text("mine"), history)</c>). It keeps its colour across the figures of a lesson
/// when runs are given in the same order. Epoch charts put epoch e (0-based) at x = e + 1, the number of epochs completed.
/// </summary>
public static class HistoryCharts
{
    /// <summary>
    /// Lesson 4's figure: training loss against epochs and against wall-clock seconds, side by side (log scale by default).
    /// A diverged run stops where it diverged.
    /// </summary>
    /// <exception cref="ArgumentException">When no run is given, or a run has no completed epoch (the message names it).</exception>
    public static GenericChart LossVsEpochAndTime(IReadOnlyList<(ChartLabel Name, TrainingHistory History)> runs, bool logY = true)
    {
        Check(runs);
        var byEpoch = runs.Select((r, i) => new Series(r.Name, EpochAxis(r.History), r.History.Epochs.Select(e => e.TrainLoss).ToArray(), ColorIndex: i)).ToArray();
        var byTime = runs.Select((r, i) => new Series(r.Name, r.History.Epochs.Select(e => e.ElapsedSeconds).ToArray(), r.History.Epochs.Select(e => e.TrainLoss).ToArray(), ColorIndex: i)).ToArray();
        return LineCharts.Panels(
            [
                new LinePanel("title.lossVsEpoch", "axis.epoch", "axis.loss", byEpoch, logY),
                new LinePanel("title.lossVsTime", "axis.seconds", "axis.loss", byTime, logY),
            ],
            "title.trainingHistory");
    }

    /// <summary>Training loss per epoch, one line per run; with test losses recorded, the test loss dashed beside it.</summary>
    public static GenericChart Loss(IReadOnlyList<(ChartLabel Name, TrainingHistory History)> runs, bool logY = true)
    {
        Check(runs);
        return LineCharts.Lines(PerEpoch(runs, e => e.TrainLoss, e => e.TestLoss), "title.lossVsEpoch", "axis.epoch", "axis.loss", logY);
    }

    /// <summary>Accuracy per epoch, one line per run: training accuracy solid, test accuracy (when recorded) dashed.</summary>
    public static GenericChart Accuracy(IReadOnlyList<(ChartLabel Name, TrainingHistory History)> runs)
    {
        Check(runs);
        return LineCharts.Lines(PerEpoch(runs, e => e.TrainAccuracy, e => e.TestAccuracy), "title.accuracyVsEpoch", "axis.epoch", "axis.accuracy");
    }

    /// <summary>The loss of every mini-batch against the iteration number (noisy; log scale by default).</summary>
    public static GenericChart StepLoss(IReadOnlyList<(ChartLabel Name, TrainingHistory History)> runs, bool logY = true)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var series = runs.Select((r, i) => new Series(r.Name, r.History.Steps.Select(s => (double)s.Step).ToArray(), r.History.Steps.Select(s => s.Loss).ToArray(), ColorIndex: i)).ToArray();
        return LineCharts.Lines(series, "title.trainingHistory", "axis.iteration", "axis.loss", logY);
    }

    /// <summary>The learning rate every step used (what the schedule actually did in training).</summary>
    public static GenericChart LearningRate(IReadOnlyList<(ChartLabel Name, TrainingHistory History)> runs, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var series = runs.Select((r, i) => new Series(r.Name, r.History.Steps.Select(s => (double)s.Step).ToArray(), r.History.Steps.Select(s => s.LearningRate).ToArray(), ColorIndex: i)).ToArray();
        return LineCharts.Lines(series, "title.schedules", "axis.iteration", "axis.learningRate", logY);
    }

    /// <summary>
    /// Lesson 6's bar chart: the fraction of exact zeros after the activation in each hidden layer, from each run's
    /// last epoch (its last training batch), one bar group per run.
    /// </summary>
    /// <exception cref="ArgumentException">When a run recorded no layer statistics.</exception>
    public static GenericChart ZeroFraction(IReadOnlyList<(ChartLabel Name, TrainingHistory History)> runs)
    {
        Check(runs);
        var layers = runs.Max(r => r.History.Final!.Layers.Count);
        if (layers == 0)
        {
            throw new ArgumentException("No run recorded layer statistics; enable them in TrainerOptions.", nameof(runs));
        }

        var categories = Enumerable.Range(1, layers).Select(l => ChartLabel.Number(l)).ToArray();
        var groups = runs.Select((r, i) =>
        {
            var values = new double[layers];
            Array.Fill(values, double.NaN);
            foreach (var s in r.History.Final!.Layers)
            {
                values[s.Layer] = s.PostZeroFraction;
            }

            return new BarGroup(r.Name, values, i);
        }).ToArray();
        return BarCharts.Grouped(categories, groups, "title.zeroFraction", "axis.layer", "axis.zeroFraction", ".0%");
    }

    /// <summary>
    /// Lesson 3's figure: the mean of BN's gamma and beta in hidden layer <paramref name="layer"/> (0-based) at the end of
    /// each epoch.
    /// </summary>
    /// <exception cref="ArgumentException">When that layer has no BN or no statistics were recorded.</exception>
    public static GenericChart GammaBeta(TrainingHistory history, int layer = 0)
    {
        ArgumentNullException.ThrowIfNull(history);
        var stats = history.Epochs.Select(e => e.Layers.FirstOrDefault(l => l.Layer == layer)).ToArray();
        if (stats.Length == 0 || stats.Any(s => s?.GammaMean is null))
        {
            throw new ArgumentException($"Hidden layer {layer} has no BN gamma/beta in every epoch of this history (no BN there, or layer statistics were off).", nameof(layer));
        }

        var x = EpochAxis(history);
        return LineCharts.Lines(
            [
                new Series("legend.gamma", x, stats.Select(s => s!.GammaMean!.Value).ToArray(), SeriesStyle.LineAndMarkers),
                new Series("legend.beta", x, stats.Select(s => s!.BetaMean!.Value).ToArray(), SeriesStyle.LineAndMarkers),
            ],
            "title.gammaBeta",
            "axis.epoch",
            "axis.value");
    }

    private static Series[] PerEpoch(
        IReadOnlyList<(ChartLabel Name, TrainingHistory History)> runs, Func<EpochRecord, double> train, Func<EpochRecord, double?> test)
    {
        var series = new List<Series>();
        for (var i = 0; i < runs.Count; i++)
        {
            var (name, h) = runs[i];
            var x = EpochAxis(h);
            var hasTest = h.Epochs.All(e => test(e) is not null);
            series.Add(new Series(hasTest ? Split(name, "legend.train") : name, x, h.Epochs.Select(train).ToArray(), ColorIndex: i));
            if (hasTest)
            {
                series.Add(new Series(Split(name, "legend.test"), x, h.Epochs.Select(e => test(e)!.Value).ToArray(), SeriesStyle.Dashed, i));
            }
        }

        return series.ToArray();
    }

    // "With BN (Test)": the run's name and the part of the data, each resolved in the figure's language.
    private static ChartLabel Split(ChartLabel run, string partKey) => ChartLabel.Format("format.runSplit", run, ChartLabel.Key(partKey));

    private static double[] EpochAxis(TrainingHistory h) => h.Epochs.Select(e => e.Epoch + 1.0).ToArray();

    private static void Check(IReadOnlyList<(ChartLabel Name, TrainingHistory History)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("The list of runs is empty; give at least one (name, history) pair.", nameof(runs));
        }

        foreach (var (name, history) in runs)
        {
            ArgumentNullException.ThrowIfNull(history, nameof(runs));
            name.Resolve("The name of a run");
            if (history.Epochs.Count == 0)
            {
                throw new ArgumentException($"Run '{name}' has no completed epoch{(history.Diverged ? $" (it diverged at step {history.DivergedAtStep})" : "")}.", nameof(runs));
            }
        }
    }
}
