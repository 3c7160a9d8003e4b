using static NormDecay.Schedules.ScheduleGuard;

namespace NormDecay.Schedules;

/// <summary>Whether a smaller or a larger metric is an improvement.</summary>
public enum PlateauMode
{
    /// <summary>Lower is better (a loss).</summary>
    Min,

    /// <summary>Higher is better (an accuracy).</summary>
    Max,
}

/// <summary>How <see cref="ReduceLROnPlateau"/> decides that a metric improved on the best so far.</summary>
public enum ThresholdMode
{
    /// <summary>Relative: (mode Min) <c>metric &lt; best * (1 - threshold)</c>; (Max) <c>metric &gt; best * (1 + threshold)</c>. PyTorch's default.</summary>
    Rel,

    /// <summary>Absolute: (Min) <c>metric &lt; best - threshold</c>; (Max) <c>metric &gt; best + threshold</c>. Keras's <c>min_delta</c>.</summary>
    Abs,
}

/// <summary>Whose counting rule <see cref="ReduceLROnPlateau"/> follows; the two differ by one epoch and in cooldown.</summary>
public enum PlateauConvention
{
    /// <summary>PyTorch: cut when the number of bad epochs <b>exceeds</b> patience; bad epochs seen during cooldown are
    /// counted then zeroed; a cut happens only if it changes the rate by more than <c>eps</c>.</summary>
    PyTorch,

    /// <summary>Keras <c>ReduceLROnPlateau</c> callback: cut when the wait <b>reaches</b> patience; epochs in cooldown
    /// are not counted; a cut happens only while the rate is above <c>minLr</c>.</summary>
    Keras,
}

/// <summary>
/// Reduce-on-plateau: a <b>stateful</b> policy (not a function of the step) that multiplies the rate by
/// <c>factor</c> when the monitored metric has stopped improving for <c>patience</c> epochs. Call
/// <see cref="Observe"/> once per epoch with the validation metric.
/// <para>PyTorch rule (default; <c>torch.optim.lr_scheduler.ReduceLROnPlateau(mode='min', factor=0.1, patience=10,
/// threshold=1e-4, threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-8)</c>): if the metric improves, best = metric
/// and bad = 0, else bad += 1; in cooldown, cooldown -= 1 and bad = 0; if bad &gt; patience: new = max(lr * factor,
/// minLr), applied only if <c>lr - new &gt; eps</c>; then cooldown = cooldown length, bad = 0.</para>
/// <para>Keras rule (<see cref="KerasStyle"/>, <c>keras.callbacks.ReduceLROnPlateau(factor=0.1, patience=10,
/// min_delta=1e-4, cooldown=0, min_lr=0)</c>, absolute threshold): in cooldown, cooldown -= 1 and wait = 0; if the
/// metric improves, best = metric and wait = 0; else if not in cooldown, wait += 1 and when wait &gt;= patience and
/// lr &gt; minLr: lr = max(lr * factor, minLr), cooldown = cooldown length, wait = 0.</para>
/// </summary>
public sealed class ReduceLROnPlateau : IAdaptiveSchedule
{
    /// <summary>Creates the policy with PyTorch's rule (or the one named by <paramref name="convention"/>).</summary>
    /// <param name="initialRate">The rate before any cut; finite, &gt;= 0.</param>
    /// <param name="mode">Whether lower or higher metrics are better (default <see cref="PlateauMode.Min"/>).</param>
    /// <param name="factor">Multiplier of a cut; in (0, 1) (default 0.1).</param>
    /// <param name="patience">Bad epochs tolerated; &gt;= 0 (default 10).</param>
    /// <param name="threshold">Minimal improvement; finite, &gt;= 0 (default 1e-4).</param>
    /// <param name="thresholdMode">Relative or absolute threshold (default <see cref="ThresholdMode.Rel"/>).</param>
    /// <param name="cooldown">Epochs to wait after a cut before counting again; &gt;= 0 (default 0).</param>
    /// <param name="minLr">Lower bound of the rate; in [0, initialRate] (default 0).</param>
    /// <param name="eps">PyTorch: cuts smaller than this are skipped; finite, &gt;= 0 (default 1e-8). Unused by Keras.</param>
    /// <param name="convention">Counting rule (default <see cref="PlateauConvention.PyTorch"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is outside its range.</exception>
    public ReduceLROnPlateau(double initialRate, PlateauMode mode = PlateauMode.Min, double factor = 0.1, int patience = 10,
        double threshold = 1e-4, ThresholdMode thresholdMode = ThresholdMode.Rel, int cooldown = 0, double minLr = 0,
        double eps = 1e-8, PlateauConvention convention = PlateauConvention.PyTorch)
    {
        InitialRate = Rate(initialRate);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be Min or Max, got {mode}.");
        }

        if (!Enum.IsDefined(thresholdMode))
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdMode), thresholdMode, $"thresholdMode must be Rel or Abs, got {thresholdMode}.");
        }

        if (!Enum.IsDefined(convention))
        {
            throw new ArgumentOutOfRangeException(nameof(convention), convention, $"convention must be PyTorch or Keras, got {convention}.");
        }

        Mode = mode;
        Factor = InRange(factor, 0, 1, lowOpen: true, highOpen: true);
        Patience = NonNegative(patience);
        Threshold = NonNegative(threshold);
        ThresholdMode = thresholdMode;
        Cooldown = NonNegative(cooldown);
        MinLr = InRange(minLr, 0, initialRate);
        Eps = NonNegative(eps);
        Convention = convention;
        Reset();
    }

    /// <summary>Keras's callback rule: absolute <paramref name="minDelta"/>, cut when the wait reaches patience.</summary>
    /// <param name="initialRate">The rate before any cut.</param>
    /// <param name="mode">Lower or higher is better (default Min).</param>
    /// <param name="factor">Multiplier of a cut; in (0, 1) (default 0.1).</param>
    /// <param name="patience">Epochs without improvement before a cut; &gt;= 0 (default 10).</param>
    /// <param name="minDelta">Minimal absolute improvement (default 1e-4).</param>
    /// <param name="cooldown">Epochs after a cut during which nothing is counted (default 0).</param>
    /// <param name="minLr">Lower bound of the rate (default 0).</param>
    /// <returns>A policy with <see cref="PlateauConvention.Keras"/> and <see cref="ThresholdMode.Abs"/>.</returns>
    public static ReduceLROnPlateau KerasStyle(double initialRate, PlateauMode mode = PlateauMode.Min, double factor = 0.1,
        int patience = 10, double minDelta = 1e-4, int cooldown = 0, double minLr = 0)
        => new(initialRate, mode, factor, patience, minDelta, ThresholdMode.Abs, cooldown, minLr, 0, PlateauConvention.Keras);

    /// <summary>The rate before any cut.</summary>
    public double InitialRate { get; }

    /// <summary>Lower or higher is better.</summary>
    public PlateauMode Mode { get; }

    /// <summary>Multiplier of a cut.</summary>
    public double Factor { get; }

    /// <summary>Bad epochs tolerated (PyTorch) or the wait that triggers a cut (Keras).</summary>
    public int Patience { get; }

    /// <summary>Minimal improvement.</summary>
    public double Threshold { get; }

    /// <summary>Relative or absolute threshold.</summary>
    public ThresholdMode ThresholdMode { get; }

    /// <summary>Cooldown length after a cut.</summary>
    public int Cooldown { get; }

    /// <summary>Lower bound of the rate.</summary>
    public double MinLr { get; }

    /// <summary>Smallest cut PyTorch applies.</summary>
    public double Eps { get; }

    /// <summary>Counting rule.</summary>
    public PlateauConvention Convention { get; }

    /// <inheritdoc/>
    public double Current { get; private set; }

    /// <summary>The best metric seen so far (+infinity for Min, -infinity for Max before the first observation).</summary>
    public double Best { get; private set; }

    /// <summary>Epochs counted as bad since the last improvement or cut.</summary>
    public int BadEpochs { get; private set; }

    /// <summary>Epochs of cooldown left.</summary>
    public int CooldownCounter { get; private set; }

    /// <summary>Number of <see cref="Observe"/> calls since creation or <see cref="Reset"/>.</summary>
    public int Epoch { get; private set; }

    /// <inheritdoc/>
    public string Name => $"ReduceLROnPlateau({Convention}, {Mode.ToString().ToLowerInvariant()}, factor={F(Factor)}, patience={Patience})";

    /// <inheritdoc/>
    public double Observe(double metric)
    {
        if (double.IsNaN(metric))
        {
            throw new ArgumentException($"metric is NaN at epoch {Epoch} (0-based); the monitored value must be a number.", nameof(metric));
        }

        Epoch++;
        if (Convention == PlateauConvention.PyTorch)
        {
            ObservePyTorch(metric);
        }
        else
        {
            ObserveKeras(metric);
        }

        return Current;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Current = InitialRate;
        Best = Mode == PlateauMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
        BadEpochs = 0;
        CooldownCounter = 0;
        Epoch = 0;
    }

    /// <summary>Whether <paramref name="metric"/> improves on <paramref name="best"/> under the mode and threshold.</summary>
    /// <param name="metric">The new value.</param>
    /// <param name="best">The best so far.</param>
    /// <returns>True when the metric counts as an improvement.</returns>
    public bool IsBetter(double metric, double best) => (Mode, ThresholdMode) switch
    {
        (PlateauMode.Min, ThresholdMode.Rel) => metric < best * (1.0 - Threshold),
        (PlateauMode.Min, ThresholdMode.Abs) => metric < best - Threshold,
        (PlateauMode.Max, ThresholdMode.Rel) => metric > best * (Threshold + 1.0),
        _ => metric > best + Threshold,
    };

    private void ObservePyTorch(double metric)
    {
        if (IsBetter(metric, Best))
        {
            Best = metric;
            BadEpochs = 0;
        }
        else
        {
            BadEpochs++;
        }

        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            BadEpochs = 0;
        }

        if (BadEpochs > Patience)
        {
            double cut = Math.Max(Current * Factor, MinLr);
            if (Current - cut > Eps)
            {
                Current = cut;
            }

            CooldownCounter = Cooldown;
            BadEpochs = 0;
        }
    }

    private void ObserveKeras(double metric)
    {
        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            BadEpochs = 0;
        }

        if (IsBetter(metric, Best))
        {
            Best = metric;
            BadEpochs = 0;
        }
        else if (CooldownCounter == 0)
        {
            BadEpochs++;
            if (BadEpochs >= Patience && Current > MinLr)
            {
                Current = Math.Max(Current * Factor, MinLr);
                CooldownCounter = Cooldown;
                BadEpochs = 0;
            }
        }
    }
}
