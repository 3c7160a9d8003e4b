using System.ComponentModel;
using System.Globalization;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Execution;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// <c>normdecay grade SUBMISSIONS -o DIR</c>: grades submitted notebooks: each submission's solution cells run in a bubblewrap sandbox that
/// returns values only, judged in the grader by the original checks and hidden tests; writes DIR/gradebook.csv (long),
/// DIR/gradebook-wide.csv and DIR/feedback/&lt;student&gt;/&lt;assignment&gt;/ (<see cref="Grader.GradeAllAsync"/>). The instructor's
/// sources default to notebooks/en/a*.ipynb of the repository. Exit codes: 0 done (whatever the scores; submissions that
/// could not run are counted in the summary), 1 an invalid source or no sandbox, 2 wrong usage, 3 DIR not writable.
/// </summary>
public sealed class GradeCommand(CliContext context) : VerbCommand<GradeCommand.Settings>(context)
{
    /// <summary>The options of <c>grade</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Submitted notebooks or folders.</summary>
        [CommandArgument(0, "<SUBMISSIONS>")]
        [Description("Submitted notebooks or folders of them.")]
        public string[] Submissions { get; init; } = [];

        /// <summary>Where the gradebook, feedback and executed copies go.</summary>
        [CommandOption("-o|--output <DIR>")]
        [Description("Where gradebook.csv, gradebook-wide.csv and feedback/ go (required).")]
        public string? Output { get; init; }

        /// <summary>The instructor's notebook or folder.</summary>
        [CommandOption("--source <PATH>")]
        [Description("The instructor's assignment notebook or folder. Default: notebooks/en/a*.ipynb of the repository.")]
        public string? Source { get; init; }

        /// <summary>Longest time one cell may run, in seconds.</summary>
        [CommandOption("--timeout <SEC>")]
        [Description("Longest time one cell of a submission may run, in seconds.")]
        [DefaultValue(30)]
        public int Timeout { get; init; } = 30;

        /// <summary>Submissions graded at once.</summary>
        [CommandOption("--parallel <N>")]
        [Description("Submissions graded at once, one sandbox each. Default: the grader's own (up to 2).")]
        public int? Parallel { get; init; }

        /// <summary>The GC heap limit of each sandboxed worker, in MB.</summary>
        [CommandOption("--memory <MB>")]
        [Description("The GC heap limit of each sandboxed worker, in MB.")]
        [DefaultValue(1024)]
        public int Memory { get; init; } = 1024;

        /// <summary>The repository.</summary>
        [CommandOption("--root <DIR>")]
        [Description("The repository (the pinned kernel and artifacts/lib). Default: found above the current folder.")]
        public string? Root { get; init; }

        /// <summary>Grade only every N-th submission from the I-th (0-based).</summary>
        [CommandOption("--shard <I/N>")]
        [Description("Grade every N-th submission from the I-th (0-based), e.g. --shard $JOB_COMPLETION_INDEX/4; combine the shards with merge. Default: all.")]
        public string? Shard { get; init; }

        /// <summary>Run submissions without the bubblewrap sandbox.</summary>
        [CommandOption("--no-sandbox")]
        [Description("Run submissions without the bubblewrap sandbox (trusted submissions only; grading refuses to start without bubblewrap otherwise).")]
        [DefaultValue(false)]
        public bool NoSandbox { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            Output is null ? ValidationResult.Error("grade needs -o DIR.")
            : Timeout < 1 ? ValidationResult.Error($"--timeout must be a positive number of seconds, not {Timeout}.")
            : Parallel is < 1 ? ValidationResult.Error($"--parallel must be a positive whole number, not {Parallel}.")
            : Memory < 1 ? ValidationResult.Error($"--memory must be a positive number of MB, not {Memory}.")
            : Shard is not null && TryParseShard(Shard) is null ? ValidationResult.Error(ShardError(Shard))
            : ValidationResult.Success();
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(CommandContext command, Settings settings, CancellationToken cancellationToken)
    {
        string? root = settings.Root is { } r ? Context.FullPath(r) : RepositoryLayout.FindRoot(Context.CurrentDirectory);
        if (root is null)
        {
            throw new UsageException($"No NormDecay repository at or above '{Context.CurrentDirectory}' (artifacts/lib and the grading worker are needed); pass --root DIR.");
        }

        IReadOnlyList<string> submissions = RepositoryLayout.ExpandNotebooks(settings.Submissions.Select(Context.FullPath));
        IReadOnlyList<string> sourcePaths = settings.Source is { } src
            ? RepositoryLayout.ExpandNotebooks([Context.FullPath(src)])
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
                await Context.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        }

        if (keys.Count == 0)
        {
            throw new UsageException("No assignment source found; pass --source PATH.");
        }

        string outDir = Context.FullPath(settings.Output!);
        OutputFolder.EnsureWritable(outDir);
        var options = new GradeOptions
        {
            Root = root,
            CellTimeout = TimeSpan.FromSeconds(settings.Timeout),
            MemoryLimitMegabytes = settings.Memory,
            Sandbox = new SandboxOptions { Kind = settings.NoSandbox ? SandboxKind.None : SandboxKind.Bubblewrap },
            Shard = settings.Shard is { } shard ? ParseShard(shard) : null,
        };
        if (settings.Parallel is { } parallel)
        {
            options = options with { Parallelism = parallel }; // otherwise GradeOptions' default: up to 2
        }

        if (options.Sandbox.Kind == SandboxKind.None)
        {
            await Context.Error.WriteLineAsync("warning: --no-sandbox: submissions run without namespaces (they can read your files and use the network); grade only code you trust.").ConfigureAwait(false);
        }

        int done = 0;
        var gate = new Lock();
        int total = options.Shard is { } sh ? (submissions.Count + sh.Count - 1 - sh.Index) / sh.Count : submissions.Count;
        IReadOnlyList<SubmissionGrade> grades;
        try
        {
            grades = await Grader.GradeAllAsync(submissions, keys, outDir, options, g =>
            {
                lock (gate)
                {
                    done++;
                    Context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"[{done}/{total}] {g.Student} ({g.Assignment}, {g.Language}): {GradeCell.Format(g.Score)}/{GradeCell.Format(g.Max)}{(g.Executed ? "" : " (not run)")} in {g.Elapsed.TotalSeconds:0.0} s"));
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SandboxUnavailableException or InvalidDataException or FileNotFoundException)
        {
            await Context.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        int failed = grades.Count(g => !g.Executed);
        double mean = grades.Count == 0 ? 0 : grades.Average(g => g.Score);
        double max = grades.Count == 0 ? 0 : grades.Max(g => g.Max);
        int manual = grades.Sum(g => g.Parts.Count(p => p.Manual));
        string manualText = manual > 0 ? $", {manual} manual part(s) need the instructor (gradebook note '{PartScore.ManualNote}')" : "";
        await Context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"grade: {grades.Count - failed} graded, {failed} failed to run, mean score {mean:0.##}/{GradeCell.Format(max)}{manualText}; gradebooks {Path.Combine(outDir, Gradebook.LongFile)}, {Path.Combine(outDir, Gradebook.WideFile)}")).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Parses <c>I/N</c> (0 &lt;= I &lt; N), the value of <c>--shard</c>.</summary>
    /// <exception cref="UsageException">Not of that form (says what is expected).</exception>
    public static (int Index, int Count) ParseShard(string text) =>
        TryParseShard(text) ?? throw new UsageException(ShardError(text));

    private static (int Index, int Count)? TryParseShard(string? text)
    {
        string[] p = (text ?? "").Split('/');
        return p.Length == 2 && int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && i < n
            ? (i, n)
            : null;
    }

    private static string ShardError(string? text) =>
        $"--shard expects I/N with 0 <= I < N (e.g. --shard 0/4, or --shard $JOB_COMPLETION_INDEX/4), not '{text}'.";
}
