using BenchmarkDotNet.Running;
using NormDecay.Benchmarks;

// Usage (run.sh does all of this):
//   dotnet run -c Release -- [--json PATH] [BenchmarkDotNet arguments, e.g. --filter '*Bn*']
//       runs the benchmarks and writes NormDecay's results to PATH (default artifacts/normdecay.json)
//   dotnet run -c Release -- compare NORMDECAY.json PYTORCH.json [--out TABLE.md]
//       prints (and writes) the side-by-side table
if (args.Length > 0 && args[0] == "compare")
{
    if (args.Length < 3)
    {
        Console.Error.WriteLine("usage: compare NORMDECAY.json PYTORCH.json [--out TABLE.md]");
        return 2;
    }
    var environment = WorkloadResults.ReadEnvironment(args[1]);
    var pyTorchEnvironment = WorkloadResults.ReadEnvironment(args[2]);
    foreach (var (k, v) in pyTorchEnvironment)
        environment["PyTorch side, " + k] = v;
    string table = Comparison.Format(WorkloadResults.Read(args[1]), WorkloadResults.Read(args[2]), environment);
    Console.WriteLine(table);
    int outAt = Array.IndexOf(args, "--out");
    if (outAt > 0 && outAt + 1 < args.Length)
        File.WriteAllText(args[outAt + 1], table);
    return 0;
}

string jsonPath = "artifacts/normdecay.json";
var rest = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--json" && i + 1 < args.Length)
        jsonPath = args[++i];
    else
        rest.Add(args[i]);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly)
    .Run(rest.Count == 0 ? ["--filter", "*"] : rest.ToArray(), new BenchConfig())
    .ToList();
var results = WorkloadResults.From(summaries);
WorkloadResults.Write(jsonPath, results);
Console.WriteLine($"wrote {results.Count} results to {Path.GetFullPath(jsonPath)}");
return summaries.Any(s => s.HasCriticalValidationErrors) || results.Count == 0 ? 1 : 0;
