using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Reports;

namespace NormDecay.Benchmarks;

/// <summary>One measured workload, in the units the PyTorch script writes (nanoseconds per operation).</summary>
public sealed record WorkloadResult(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("median_ns")] double MedianNs,
    [property: JsonPropertyName("mean_ns")] double MeanNs,
    [property: JsonPropertyName("stdev_ns")] double StdevNs,
    [property: JsonPropertyName("p25_ns")] double P25Ns,
    [property: JsonPropertyName("p75_ns")] double P75Ns,
    [property: JsonPropertyName("allocated_bytes_per_op")] long? AllocatedBytesPerOp);

/// <summary>Turns a BenchmarkDotNet summary into workload-keyed results and writes them as JSON.</summary>
public static class WorkloadResults
{
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// The workload id of a benchmark: its first category, then its parameter values joined by '_'
    /// (category <c>bn_fwd_bwd</c> with Shape=256x512 gives <c>bn_fwd_bwd_256x512</c>), the names bench.py uses.
    /// </summary>
    public static string WorkloadId(BenchmarkDotNet.Running.BenchmarkCase benchmark)
    {
        string baseName = benchmark.Descriptor.Categories.FirstOrDefault() ?? benchmark.Descriptor.WorkloadMethod.Name;
        var values = benchmark.Parameters.Items.Select(p => p.Value?.ToString() ?? "null").ToArray();
        return values.Length == 0 ? baseName : baseName + "_" + string.Join("_", values);
    }

    public static Dictionary<string, WorkloadResult> From(IEnumerable<Summary> summaries)
    {
        var results = new Dictionary<string, WorkloadResult>();
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports)
            {
                var stats = report.ResultStatistics;
                if (stats is null)
                {
                    Console.Error.WriteLine($"no result for {report.BenchmarkCase.DisplayInfo} (did it throw?)");
                    continue;
                }
                long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                results[WorkloadId(report.BenchmarkCase)] = new WorkloadResult(
                    stats.N, stats.Median, stats.Mean, stats.StandardDeviation,
                    stats.Q1, stats.Q3, allocated);
            }
        }
        return results;
    }

    /// <summary>What the table's footnote says about the run: runtime, CPU features, the peer's version, the load average.</summary>
    public static Dictionary<string, string> Environment()
    {
        var env = new Dictionary<string, string>
        {
            ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            ["cpu"] = FmaPeakBenchmarks.FmaSupport(),
        };
        try
        {
            env["peer"] = TorchSharpPeer.Describe();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            env["peer"] = "TorchSharp did not load: " + e.Message;
        }
        if (File.Exists("/proc/loadavg"))
            env["load average (1, 5, 15 min) at the end of the NormDecay/TorchSharp run"] = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        return env;
    }

    public static void Write(string path, Dictionary<string, WorkloadResult> results)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var document = new Dictionary<string, object>
        {
            ["framework"] = "normdecay",
            ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            ["timestamp"] = DateTimeOffset.Now.ToString("yyyy-MM-ddTHH:mm:sszzz"),
            ["environment"] = Environment(),
            ["results"] = results,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
    }

    public static Dictionary<string, string> ReadEnvironment(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var map = new Dictionary<string, string>();
        if (doc.RootElement.TryGetProperty("environment", out var env))
        {
            foreach (var entry in env.EnumerateObject())
                map[entry.Name] = entry.Value.ToString();
        }
        return map;
    }

    public static Dictionary<string, WorkloadResult> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"results file '{path}' does not exist; run tests/NormDecay.Benchmarks/run.sh", path);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        if (!doc.RootElement.TryGetProperty("results", out var results))
            throw new InvalidDataException($"'{path}' has no \"results\" object");
        var map = new Dictionary<string, WorkloadResult>();
        foreach (var entry in results.EnumerateObject())
            map[entry.Name] = entry.Value.Deserialize<WorkloadResult>()
                ?? throw new InvalidDataException($"'{path}': result '{entry.Name}' is null");
        return map;
    }
}
