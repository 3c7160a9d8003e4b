using NormDecay.Measurement;

namespace NormDecay.Tests.Measurement;

public class TimingTests
{
    // A fake clock: every workload call advances it by that workload's cost, so the statistics are exact.
    private sealed class FakeClock
    {
        public long Now;
        public Func<long> Read => () => Now;
    }

    [Fact]
    public void Compare_FakeClock_ReportsPerCallMediansAndSkipsWarmup()
    {
        var clock = new FakeClock();
        int calls = 0;
        // The first call of "slow" costs 1000 ticks (a JIT-like first run), later ones 30; "fast" always costs 10.
        var report = Timing.Compare(
            [("slow", () => { clock.Now += calls++ == 0 ? 1000 : 30; }), ("fast", () => clock.Now += 10)],
            new TimingOptions { WarmupRuns = 1, Rounds = 5, MinSampleMilliseconds = 0 },
            clock.Read, ticksPerSecond: 1000);

        Assert.Equal(30.0, report["slow"].MedianMilliseconds, 12);
        Assert.Equal(10.0, report["fast"].MedianMilliseconds, 12);
        Assert.Equal(3.0, report.Ratio("slow", "fast"), 12);
        Assert.Equal(5, report["slow"].Rounds);
    }

    [Fact]
    public void Compare_ShortWorkload_RepeatsCallsToFillTheSample()
    {
        var clock = new FakeClock();
        var report = Timing.Compare([("a", () => clock.Now += 2)], new TimingOptions { WarmupRuns = 1, Rounds = 3, MinSampleMilliseconds = 20 },
            clock.Read, ticksPerSecond: 1000);

        Assert.Equal(10, report["a"].CallsPerSample);
        Assert.Equal(2.0, report["a"].MedianMilliseconds, 12);
    }

    [Fact]
    public void Compare_SlowFirstCalls_SampleSizedByTheFastestWarmupCall()
    {
        // A JIT-like workload: the first call costs 1000 ms, later ones 2 ms. Sized by its first call it would be sampled one
        // call at a time (the 20 ms sample would be one call); sized by the fastest warm-up call, ten calls fill a sample.
        var clock = new FakeClock();
        int calls = 0;
        var report = Timing.Compare([("a", () => clock.Now += calls++ == 0 ? 1000 : 2)],
            new TimingOptions { WarmupRuns = 2, Rounds = 3, MinSampleMilliseconds = 20, MinWarmupMilliseconds = 0 },
            clock.Read, ticksPerSecond: 1000);

        Assert.Equal(10, report["a"].CallsPerSample);
        Assert.Equal(2.0, report["a"].MedianMilliseconds, 12);
    }

    [Fact]
    public void Compare_CheapWorkload_WarmsUpForTheMinimumTime()
    {
        // 1 ms calls and 200 ms of warm-up: 200 untimed calls (well past the ~30 calls .NET needs before optimizing), then
        // 3 rounds of 20-call samples.
        var clock = new FakeClock();
        int calls = 0;
        var report = Timing.Compare([("a", () => { calls++; clock.Now += 1; })],
            new TimingOptions { WarmupRuns = 2, Rounds = 3, MinSampleMilliseconds = 20, MinWarmupMilliseconds = 200 },
            clock.Read, ticksPerSecond: 1000);

        Assert.Equal(20, report["a"].CallsPerSample);
        Assert.Equal(200 + 3 * 20, calls);
    }

    [Fact]
    public void Compare_Rounds_RotateTheOrder()
    {
        var order = new List<string>();
        var clock = new FakeClock();
        Timing.Compare([("a", () => order.Add("a")), ("b", () => order.Add("b")), ("c", () => order.Add("c"))],
            new TimingOptions { WarmupRuns = 1, Rounds = 3, MinSampleMilliseconds = 0, MinWarmupMilliseconds = 0 }, clock.Read, 1000);

        // Warm-up a, b, c; then rounds a b c, b c a, c a b.
        Assert.Equal("abcabcbcacab", string.Concat(order));
    }

    [Theory]
    [InlineData(0, 5, 0.0)]
    [InlineData(1, 0, 0.0)]
    [InlineData(1, 5, -1.0)]
    [InlineData(1, 5, double.NaN)]
    public void Compare_InvalidOptions_Throws(int warmup, int rounds, double minMs)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Timing.Compare([("a", () => { })], new TimingOptions { WarmupRuns = warmup, Rounds = rounds, MinSampleMilliseconds = minMs }));
        Assert.Contains("must be", e.Message);
    }

    [Fact]
    public void Compare_NegativeWarmupTime_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Timing.Compare([("a", () => { })], new TimingOptions { MinWarmupMilliseconds = -1 }));
        Assert.Contains("MinWarmupMilliseconds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_RepeatedName_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Timing.Compare([("a", () => { }), ("a", () => { })]));
        Assert.Contains("'a'", e.Message);
    }

    [Fact]
    public void Indexer_UnknownName_ListsTheNames()
    {
        var report = new TimingReport([new TimingRow("x", 1, 1, 1, 1, 1)]);
        var e = Assert.Throws<KeyNotFoundException>(() => report["y"]);
        Assert.Contains("x", e.Message);
    }
}
