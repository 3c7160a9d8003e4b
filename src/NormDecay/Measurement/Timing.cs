using System.Diagnostics;

namespace NormDecay.Measurement;

/// <summary>
/// The one way lessons time code: warmed up, interleaved, median. Each workload first runs untimed (JIT, caches, lazy
/// buffers, the switch to optimized code: the cost early runs pay and a lesson must not report), then the workloads take turns, round after round, in
/// an order that rotates every round, so a slow moment of a shared machine falls on all of them alike. Each sample repeats
/// a workload enough times to last at least <see cref="TimingOptions.MinSampleMilliseconds"/>; the report gives the median
/// and the quartiles of the per-call time.
/// </summary>
/// <remarks>For teaching-sized comparisons in a notebook; the project's performance claims are measured with BenchmarkDotNet.</remarks>
public static class Timing
{
    // Bounds the warm-up of a workload too cheap for the clock to see (it would otherwise never reach the warm-up time).
    private const int MaxWarmupCalls = 1_000_000;

    /// <summary>Times <paramref name="workloads"/> against each other; see the class summary.</summary>
    /// <param name="workloads">Named actions; names must be distinct. Each call of an action is one unit of work.</param>
    /// <param name="options">Rounds, warm-up and sample length; <see cref="TimingOptions.Default"/> when null.</param>
    /// <returns>One row per workload, in the order given.</returns>
    /// <exception cref="ArgumentException">No workload, a blank or repeated name, or invalid options.</exception>
    public static TimingReport Compare(IReadOnlyList<(string Name, Action Run)> workloads, TimingOptions? options = null) =>
        Compare(workloads, options ?? TimingOptions.Default, Stopwatch.GetTimestamp, Stopwatch.Frequency);

    /// <summary>Times one workload (warmed up, median of the rounds).</summary>
    /// <param name="name">What is timed.</param>
    /// <param name="run">One unit of work.</param>
    /// <param name="options">As for <see cref="Compare(IReadOnlyList{ValueTuple{string, Action}}, TimingOptions?)"/>.</param>
    public static TimingRow Measure(string name, Action run, TimingOptions? options = null) => Compare([(name, run)], options).Rows[0];

    internal static TimingReport Compare(IReadOnlyList<(string Name, Action Run)> workloads, TimingOptions options, Func<long> clock, long ticksPerSecond)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        options.Validate();
        if (workloads.Count == 0)
        {
            throw new ArgumentException("Timing needs at least one workload.", nameof(workloads));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, run) in workloads)
        {
            if (string.IsNullOrWhiteSpace(name) || !names.Add(name))
            {
                throw new ArgumentException($"Workload names must be distinct and not blank; '{name}' is not.", nameof(workloads));
            }

            ArgumentNullException.ThrowIfNull(run, $"workload '{name}'");
        }

        int n = workloads.Count;
        double msPerTick = 1000.0 / ticksPerSecond;
        var repeats = new int[n];
        for (int w = 0; w < n; w++)
        {
            // At least WarmupRuns calls and MinWarmupMilliseconds of them (optimized code replaces the first, unoptimized
            // form only after a few dozen calls and a pause); the sample size comes from the fastest call, not the first.
            double fastest = double.PositiveInfinity, spent = 0;
            for (int i = 0; i < options.WarmupRuns || (spent < options.MinWarmupMilliseconds && i < MaxWarmupCalls); i++)
            {
                long t0 = clock();
                workloads[w].Run();
                double ms = (clock() - t0) * msPerTick;
                fastest = Math.Min(fastest, ms);
                spent += ms;
            }

            double once = Math.Max(fastest, 1e-6);
            repeats[w] = (int)Math.Clamp(Math.Ceiling(options.MinSampleMilliseconds / once), 1, options.MaxRepeatsPerSample);
        }

        var samples = new double[n][];
        for (int w = 0; w < n; w++)
        {
            samples[w] = new double[options.Rounds];
        }

        for (int round = 0; round < options.Rounds; round++)
        {
            for (int k = 0; k < n; k++)
            {
                int w = (round + k) % n;
                long t0 = clock();
                for (int r = 0; r < repeats[w]; r++)
                {
                    workloads[w].Run();
                }

                samples[w][round] = (clock() - t0) * msPerTick / repeats[w];
            }
        }

        var rows = new TimingRow[n];
        for (int w = 0; w < n; w++)
        {
            double[] s = samples[w];
            Array.Sort(s);
            rows[w] = new TimingRow(workloads[w].Name, Quantile(s, 0.5), Quantile(s, 0.25), Quantile(s, 0.75), s.Length, repeats[w]);
        }

        return new TimingReport(rows);
    }

    // Linear interpolation between order statistics (R type 7, numpy's default) of a sorted array.
    private static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
