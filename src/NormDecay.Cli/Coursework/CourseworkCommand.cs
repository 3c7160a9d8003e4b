using System.Globalization;
using NormDecay.Cli.Commands;
using NormDecay.Cli.Execution;
using NormDecay.Cli.IO;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// The coursework verbs of <c>normdecay</c>:
/// <c>assign SOURCES -o COURSE</c> writes self-contained student releases (COURSE/release/&lt;assignment&gt;/);
/// <c>grade SUBMISSIONS -o OUT [--source PATH] [--timeout SEC] [--parallel N] [--memory MB] [--root DIR] [--shard I/N] [--no-sandbox]</c>
/// grades submitted notebooks (files or folders) against the instructor's sources (default: notebooks/en/a*.ipynb);
/// <c>merge SHARD_DIRS -o OUT</c> merges shards' gradebooks and feedback.
/// Exit codes: 0 done (whatever the scores; submissions that could not run are counted in the summary), 1 an invalid source or no sandbox, 2 wrong usage.
/// </summary>
public sealed class CourseworkCommand(TextWriter output, TextWriter error, string currentDirectory)
{
    /// <summary>Usage lines of the two verbs.</summary>
    public const string Usage = """
          assign SOURCES -o COURSE
                Student release in nbgrader's layout: COURSE/release/<assignment>/ with the notebooks (stubs instead of
                solutions, no hidden tests, no outputs), lib/ (the course libraries) and the pinned kernel manifest;
                it runs from any folder. Sources are never modified.
          grade SUBMISSIONS -o DIR [--source PATH] [--timeout SEC] [--parallel N] [--memory MB] [--root DIR]
                [--shard I/N] [--no-sandbox]
                Run each submission's solution cells in a bubblewrap sandbox that only returns values; the original
                checks and hidden tests (and fresh inputs) judge them in the grader. Writes DIR/gradebook.csv (long),
                DIR/gradebook-wide.csv, DIR/feedback/<student>/<assignment>/<assignment>.html. Written answers get 0
                automatic points and the note "manual: needs the instructor". --source: the instructor's notebook or
                folder (default notebooks/en/a*.ipynb); --timeout per part (default 30); --memory heap MB (default
                1024); --shard I/N grades every N-th submission from the I-th (0-based); --no-sandbox: no namespaces
                (trusted submissions only; grading refuses to start without bubblewrap otherwise).
          merge SHARD_DIRS -o DIR
                Merge the gradebooks (and feedback) that `grade --shard` wrote into DIR.
        """;

    private static readonly HashSet<string> Valued = ["-o", "--output", "--source", "--timeout", "--parallel", "--memory", "--root", "--shard"];

    /// <summary>Runs <c>assign</c> or <c>grade</c> with the full argument list (verb first).</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        CommandLine cl = CommandLine.Parse(args, Valued);
        string? unknown = cl.Unknown(cl.Verb is "assign" or "merge" ? ["-o", "--output", "--root"] : [.. Valued, "--no-sandbox"]).FirstOrDefault();
        if (unknown is not null)
        {
            throw new UsageException($"Unknown option '{unknown}' for '{cl.Verb}'.");
        }

        string outDir = cl.Value("-o", "--output") is { } o ? Path.GetFullPath(o, currentDirectory) : throw new UsageException($"{cl.Verb} needs -o DIR.");
        if (cl.Paths.Count == 0)
        {
            throw new UsageException(cl.Verb switch
            {
                "assign" => "assign needs at least one source notebook or folder.",
                "merge" => "merge needs the output folders of the shards.",
                _ => "grade needs at least one submitted notebook or folder.",
            });
        }

        if (cl.Verb == "merge")
        {
            return Merge([.. cl.Paths.Select(p => Path.GetFullPath(p, currentDirectory))], outDir);
        }

        IReadOnlyList<string> paths = RepositoryLayout.ExpandNotebooks(cl.Paths.Select(p => Path.GetFullPath(p, currentDirectory)));
        return cl.Verb == "assign" ? Assign(paths, outDir) : await GradeAsync(cl, paths, outDir, cancellationToken).ConfigureAwait(false);
    }

    private int Assign(IReadOnlyList<string> sources, string outDir)
    {
        string? root = RepositoryLayout.FindRoot(sources.Count > 0 ? Path.GetDirectoryName(sources[0])! : currentDirectory);
        try
        {
            string? lib = root is null ? null : Path.Combine(root, "artifacts", "lib");
            string? manifest = root is null ? null : Path.Combine(root, ".config", "dotnet-tools.json");
            foreach (string written in Assigner.Assign(sources, outDir, lib, manifest is not null && File.Exists(manifest) ? manifest : null))
            {
                output.WriteLine($"assign: {written}");
            }

            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or DirectoryNotFoundException)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    /// <summary>Merges the gradebooks of <paramref name="shardDirectories"/> (each a <c>grade -o</c> folder) and copies their feedback into <paramref name="outDir"/>.</summary>
    private int Merge(IReadOnlyList<string> shardDirectories, string outDir)
    {
        try
        {
            var rows = Gradebook.Merge(shardDirectories.Select(d => Gradebook.Read(Path.Combine(d, Gradebook.LongFile))));
            foreach (string d in shardDirectories.Where(d => !string.Equals(Path.GetFullPath(d), outDir, StringComparison.Ordinal)))
            {
                string fb = Path.Combine(d, "feedback");
                if (Directory.Exists(fb))
                {
                    foreach (string f in Directory.EnumerateFiles(fb, "*", SearchOption.AllDirectories))
                    {
                        AtomicFile.WriteAllBytes(Path.Combine(outDir, "feedback", Path.GetRelativePath(fb, f)), File.ReadAllBytes(f));
                    }
                }
            }

            Gradebook.Write(outDir, rows);
            output.WriteLine($"merge: {rows.Select(r => r.Student).Distinct().Count()} students, {rows.Count} rows from {shardDirectories.Count} shards; {Path.Combine(outDir, Gradebook.LongFile)}, {Path.Combine(outDir, Gradebook.WideFile)}");
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
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
            throw new UsageException($"No NormDecay repository at or above '{currentDirectory}' (artifacts/lib and the grading worker are needed); pass --root DIR.");
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
            Sandbox = new SandboxOptions { Kind = cl.Has("--no-sandbox") ? SandboxKind.None : SandboxKind.Bubblewrap },
            Shard = cl.Value("--shard") is { } shard ? ParseShard(shard) : null,
        };
        if (options.Sandbox.Kind == SandboxKind.None)
        {
            error.WriteLine("warning: --no-sandbox: submissions run without namespaces (they can read your files and use the network); grade only code you trust.");
        }

        int done = 0;
        object gate = new();
        int total = options.Shard is { } sh ? (submissions.Count + sh.Count - 1 - sh.Index) / sh.Count : submissions.Count;
        IReadOnlyList<SubmissionGrade> grades;
        try
        {
            grades = await Grader.GradeAllAsync(submissions, keys, outDir, options, g =>
            {
                lock (gate)
                {
                    done++;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"[{done}/{total}] {g.Student} ({g.Assignment}, {g.Language}): {GradeCell.Format(g.Score)}/{GradeCell.Format(g.Max)}{(g.Executed ? "" : " (not run)")} in {g.Elapsed.TotalSeconds:0.0} s"));
                }
            }, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SandboxUnavailableException or InvalidDataException or FileNotFoundException)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }

        int failed = grades.Count(g => !g.Executed);
        double mean = grades.Count == 0 ? 0 : grades.Average(g => g.Score);
        double max = grades.Count == 0 ? 0 : grades.Max(g => g.Max);
        int manual = grades.Sum(g => g.Parts.Count(p => p.Manual));
        string manualText = manual > 0 ? $", {manual} manual part(s) need the instructor (gradebook note '{PartScore.ManualNote}')" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grade: {grades.Count - failed} graded, {failed} failed to run, mean score {mean:0.##}/{GradeCell.Format(max)}{manualText}; gradebooks {Path.Combine(outDir, Gradebook.LongFile)}, {Path.Combine(outDir, Gradebook.WideFile)}"));
        return 0;
    }

    /// <summary>Parses <c>I/N</c> (0 &lt;= I &lt; N).</summary>
    /// <exception cref="UsageException">Not of that form (says what is expected).</exception>
    public static (int Index, int Count) ParseShard(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] p = text.Split('/');
        return p.Length == 2 && int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i) && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && i < n
            ? (i, n)
            : throw new UsageException($"--shard expects I/N with 0 <= I < N (e.g. --shard 0/4, or --shard $JOB_COMPLETION_INDEX/4), not '{text}'.");
    }
}
