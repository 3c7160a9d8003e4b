namespace NormDecay.Measurement;

/// <summary>How <see cref="Timing"/> measures.</summary>
public readonly record struct TimingOptions
{
    /// <summary>Defaults: at least 2 warm-up runs and 200 ms of warm-up, 9 rounds, samples of at least 20 ms, at most 10,000 calls per sample.</summary>
    public static TimingOptions Default { get; } = new();

    /// <summary>Creates the default options.</summary>
    public TimingOptions()
    {
    }

    /// <summary>Untimed runs of each workload before any sample (default 2, at least 1: the first run pays for JIT and buffers).</summary>
    public int WarmupRuns { get; init; } = 2;

    /// <summary>
    /// Warm-up goes on, after <see cref="WarmupRuns"/>, until the workload has run this long (default 200 ms, &gt;= 0). .NET
    /// first runs a method as quickly compiled, unoptimized code and replaces it with optimized code only after some
    /// 30 calls and a pause of about 100 ms, later on a busy machine; a cheap workload timed right after two calls would
    /// be measured in its slow first form (seen: a 16-wide network timed at 0.15 ms per step instead of 0.015 ms).
    /// </summary>
    public double MinWarmupMilliseconds { get; init; } = 200;

    /// <summary>Timed rounds; every workload is sampled once per round (default 9, at least 1; odd counts give a true median).</summary>
    public int Rounds { get; init; } = 9;

    /// <summary>A sample repeats a workload until it lasts about this long, so the clock's resolution does not matter (default 20 ms, &gt;= 0).</summary>
    public double MinSampleMilliseconds { get; init; } = 20;

    /// <summary>The most calls one sample makes (default 10,000, at least 1).</summary>
    public int MaxRepeatsPerSample { get; init; } = 10_000;

    internal void Validate()
    {
        if (WarmupRuns < 1)
        {
            throw new ArgumentException($"WarmupRuns must be at least 1 (a first run is never timed); got {WarmupRuns}.");
        }

        if (Rounds < 1)
        {
            throw new ArgumentException($"Rounds must be at least 1; got {Rounds}.");
        }

        if (!(MinSampleMilliseconds >= 0) || double.IsInfinity(MinSampleMilliseconds))
        {
            throw new ArgumentException($"MinSampleMilliseconds must be finite and >= 0; got {MinSampleMilliseconds}.");
        }

        if (!(MinWarmupMilliseconds >= 0) || double.IsInfinity(MinWarmupMilliseconds))
        {
            throw new ArgumentException($"MinWarmupMilliseconds must be finite and >= 0; got {MinWarmupMilliseconds}.");
        }

        if (MaxRepeatsPerSample < 1)
        {
            throw new ArgumentException($"MaxRepeatsPerSample must be at least 1; got {MaxRepeatsPerSample}.");
        }
    }
}
