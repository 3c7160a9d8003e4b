using System.Globalization;
using NormDecay.Cli.Commands;
using NormDecay.Cli.Execution;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// The coursework verbs of <c>normdecay</c>:
/// <c>assign SOURCES -o OUT</c> writes student releases;
/// <c>grade SUBMISSIONS -o OUT [--source PATH] [--timeout SEC] [--parallel N] [--memory MB] [--root DIR] [--keep-scratch]</c>
/// grades submitted notebooks (files or folders) against the instructor's sources (default: notebooks/en/a*.ipynb).
/// Exit codes: 0 done (whatever the scores; submissions that could not run are counted in the summary), 1 an invalid source, 2 wrong usage.
/// </summary>
public sealed class CourseworkCommand(TextWriter output, TextWriter error, string currentDirectory)
{
    /// <summary>Usage lines of the two verbs.</summary>
    public const string Usage = """
          assign SOURCES -o DIR
                Student release: solution regions become NotImplementedException stubs, hidden tests removed, outputs
                cleared; written to DIR/<lang>/. Sources are never modified.
          grade SUBMISSIONS -o DIR [--source PATH] [--timeout SEC] [--parallel N] [--memory MB] [--root DIR]
                Run each submission in its own kernel with the original check cells and hidden tests; write
                DIR/gradebook.csv, DIR/feedback/<student>.html, DIR/executed/. Written answers (manual parts) get 0
                automatic points and the note "manual: needs the instructor". --source: the instructor's notebook or
                folder (default notebooks/en/a*.ipynb); --timeout per cell (default 30); --memory GC heap MB (default 1024).
        """;

    private static readonly HashSet<string> Valued = ["-o", "--output", "--source", "--timeout", "--parallel", "--memory", "--root"];

    /// <summary>Runs <c>assign</c> or <c>grade</c> with the full argument list (verb first).</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        CommandLine cl = CommandLine.Parse(args, Valued);
        string? unknown = cl.Unknown(cl.Verb == "assign" ? ["-o", "--output"] : [.. Valued, "--keep-scratch"]).FirstOrDefault();
        if (unknown is not null)
        {
            throw new UsageException($"Unknown option '{unknown}' for '{cl.Verb}'.");
        }

        string outDir = cl.Value("-o", "--output") is { } o ? Path.GetFullPath(o, currentDirectory) : throw new UsageException($"{cl.Verb} needs -o DIR.");
        if (cl.Paths.Count == 0)
        {
            throw new UsageException(cl.Verb == "assign" ? "assign needs at least one source notebook or folder." : "grade needs at least one submitted notebook or folder.");
        }

        IReadOnlyList<string> paths = RepositoryLayout.ExpandNotebooks(cl.Paths.Select(p => Path.GetFullPath(p, currentDirectory)));
        return cl.Verb == "assign" ? Assign(paths, outDir) : await GradeAsync(cl, paths, outDir, cancellationToken).ConfigureAwait(false);
    }

    private int Assign(IReadOnlyList<string> sources, string outDir)
    {
        try
        {
            foreach (string written in Assigner.Assign(sources, outDir))
            {
                output.WriteLine($"assign: {written}");
            }

            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    private async Task<int> GradeAsync(CommandLine cl, IReadOnlyList<string> submissions, string outDir, CancellationToken ct)
    {
        string? root = cl.Value("--root") is { } r ? Path.GetFullPath(r, currentDirectory) : RepositoryLayout.FindRoot(currentDirectory);
        if (root is null)
        {
            throw new UsageException($"No NormDecay repository at or above '{currentDirectory}' (the pinned kernel and artifacts/lib are needed); pass --root DIR.");
        }

        IReadOnlyList<string> sourcePaths = cl.Value("--source") is { } src
            ? RepositoryLayout.ExpandNotebooks([Path.GetFullPath(src, currentDirectory)])
            : [.. RepositoryLayout.ExpandNotebooks([Path.Combine(root, "notebooks", "en")]).Where(p => Path.GetFileName(p).StartsWith('a'))];
        var keys = new List<AssignmentKey>();
        foreach (string p in sourcePaths)
        {
            try
            {
                keys.Add(AssignmentKey.Load(p));
            }
            catch (InvalidDataException e)
            {
                error.WriteLine("error: " + e.Message);
                return 1;
            }
        }

        if (keys.Count == 0)
        {
            throw new UsageException("No assignment source found; pass --source PATH.");
        }

        var options = new GradeOptions
        {
            Root = root,
            CellTimeout = TimeSpan.FromSeconds(cl.Int("--timeout", 30)),
            Parallelism = cl.Int("--parallel", Math.Clamp(Environment.ProcessorCount, 1, 2)),
            MemoryLimitMegabytes = cl.Int("--memory", 1024),
            KeepScratch = cl.Has("--keep-scratch"),
        };
        int done = 0;
        object gate = new();
        IReadOnlyList<SubmissionGrade> grades = await Grader.GradeAllAsync(submissions, keys, outDir, options, g =>
        {
            lock (gate)
            {
                done++;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{done}/{submissions.Count}] {g.Student} ({g.Assignment}, {g.Language}): {GradeCell.Format(g.Score)}/{GradeCell.Format(g.Max)}{(g.Executed ? "" : " (not run)")} in {g.Elapsed.TotalSeconds:0.0} s"));
            }
        }, ct).ConfigureAwait(false);
        int failed = grades.Count(g => !g.Executed);
        double mean = grades.Count == 0 ? 0 : grades.Average(g => g.Score);
        double max = grades.Count == 0 ? 0 : grades.Max(g => g.Max);
        int manual = grades.Sum(g => g.Parts.Count(p => p.Manual));
        string manualText = manual > 0 ? $", {manual} manual part(s) need the instructor (gradebook note '{PartScore.ManualNote}')" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grade: {grades.Count - failed} graded, {failed} failed to run, mean score {mean:0.##}/{GradeCell.Format(max)}{manualText}; gradebook {Path.Combine(outDir, "gradebook.csv")}"));
        return 0;
    }
}
