using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace NormDecay.Benchmarks;

/// <summary>
/// One job for a 2-core machine: in-process (no generated project to compile, so the whole run
/// stays within a few minutes), one launch, 4 warm-up and 15 measured iterations of at least
/// 250 ms each, and the memory diagnoser for allocated bytes per operation.
/// NORMDECAY_BENCH_QUICK=1 (run.sh --quick) shrinks it to a smoke run: 1 warm-up, 3 iterations of 100 ms.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        bool quick = Environment.GetEnvironmentVariable("NORMDECAY_BENCH_QUICK") == "1";
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 1 : 4)
            .WithIterationCount(quick ? 3 : 15)
            .WithIterationTime(TimeInterval.FromMilliseconds(quick ? 100 : 250))
            .WithId(quick ? "quick" : "2core"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.Median, StatisticColumn.Q1, StatisticColumn.Q3);
        AddLogger(ConsoleLogger.Default);
        AddExporter(MarkdownExporter.GitHub);
        WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond));
        WithOptions(ConfigOptions.DisableLogFile);
    }
}
