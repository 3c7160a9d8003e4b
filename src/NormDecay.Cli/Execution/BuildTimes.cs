using System.Globalization;
using System.Text;

namespace NormDecay.Cli.Execution;

/// <summary>
/// The per-notebook timing table of a build: written as <c>artifacts/build-times.csv</c> (one row per notebook, seconds)
/// and printed, and read back by the next build so it starts the longest notebooks first
/// (<see cref="RunOptions.ExpectedTimes"/>).
/// </summary>
public static class BuildTimes
{
    /// <summary>The CSV header.</summary>
    public const string Header = "notebook,status,total_s,kernel_wait_s,kernel_start_s,setup_cell_s,cells_s,slowest_cell_s,cells";

    /// <summary>The CSV text, one row per notebook in <paramref name="results"/>' order, paths relative to <paramref name="root"/>.</summary>
    public static string ToCsv(IReadOnlyList<NotebookRunResult> results, string root)
    {
        var sb = new StringBuilder().Append(Header).Append('\n');
        foreach (NotebookRunResult r in results)
        {
            var (setup, cells, slowest) = Split(r);
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"{Relative(root, r.Source)},{(r.Succeeded ? "ok" : "failed")},{r.Elapsed.TotalSeconds:0.00},{r.KernelWait.TotalSeconds:0.00},{r.KernelStartup.TotalSeconds:0.00},{setup:0.00},{cells:0.00},{slowest:0.00},{r.CellTimes.Count}\n"));
        }

        return sb.ToString();
    }

    /// <summary>A fixed-width table for the terminal, slowest notebook first, with a total line.</summary>
    public static string ToTable(IReadOnlyList<NotebookRunResult> results, string root, TimeSpan wallClock)
    {
        var sb = new StringBuilder();
        sb.AppendLine("notebook                                    total   kernel wait   kernel start   setup cell   other cells   slowest cell");
        foreach (NotebookRunResult r in results.OrderByDescending(r => r.Elapsed))
        {
            var (setup, cells, slowest) = Split(r);
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{Relative(root, r.Source),-40} {r.Elapsed.TotalSeconds,7:0.0} s {r.KernelWait.TotalSeconds,9:0.0} s {r.KernelStartup.TotalSeconds,10:0.0} s {setup,10:0.0} s {cells,11:0.0} s {slowest,12:0.0} s{(r.Succeeded ? "" : "  FAILED")}"));
        }

        double sum = results.Sum(r => r.Elapsed.TotalSeconds);
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} notebooks: {sum:0.0} s of notebook time in {wallClock.TotalSeconds:0.0} s wall clock; kernel waits {results.Sum(r => r.KernelWait.TotalSeconds):0.0} s, setup cells {results.Sum(r => Split(r).Setup):0.0} s"));
        return sb.ToString();
    }

    /// <summary>Writes the CSV atomically (temporary file, then rename).</summary>
    public static void Write(string path, IReadOnlyList<NotebookRunResult> results, string root)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, ToCsv(results, root));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Total seconds per notebook (full path) from a CSV written by <see cref="Write"/>; empty when the file is missing or unreadable.</summary>
    public static IReadOnlyDictionary<string, TimeSpan> Read(string path, string root)
    {
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        try
        {
            foreach (string line in File.ReadLines(path).Skip(1))
            {
                string[] fields = line.Split(',');
                if (fields.Length >= 3 && double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
                {
                    times[Path.GetFullPath(Path.Combine(root, fields[0]))] = TimeSpan.FromSeconds(seconds);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No previous build: input order.
        }

        return times;
    }

    private static (double Setup, double Cells, double Slowest) Split(NotebookRunResult r)
    {
        double setup = r.CellTimes.Count > 0 ? r.CellTimes[0].TotalSeconds : 0;
        double cells = r.CellTimes.Skip(1).Sum(t => t.TotalSeconds);
        double slowest = r.CellTimes.Skip(1).Select(t => t.TotalSeconds).DefaultIfEmpty(0).Max();
        return (setup, cells, slowest);
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
