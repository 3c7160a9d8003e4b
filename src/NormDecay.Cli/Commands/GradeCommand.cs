using System.ComponentModel;
using System.Globalization;
using NormDecay.Cli.Coursework;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// <c>normdecay grade SUBMISSIONS -o DIR</c>: grades submitted notebooks: each submission's solution cells run in a bubblewrap sandbox that
/// returns values only, judged in the grader by the original checks and hidden tests; writes DIR/gradebook.csv (long),
/// DIR/gradebook-wide.csv and DIR/feedback/&lt;student&gt;/&lt;assignment&gt;/. The work is
/// <see cref="CourseworkCommand"/>'s; this class declares the options.
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
            : ValidationResult.Success();
    }

    /// <inheritdoc/>
    protected override Task<int> RunAsync(CommandContext command, Settings settings, CancellationToken cancellationToken)
    {
        var args = new List<string> { "grade" };
        args.AddRange(settings.Submissions);
        args.AddRange(["-o", settings.Output!, "--timeout", Text(settings.Timeout), "--memory", Text(settings.Memory)]);
        if (settings.Source is not null)
        {
            args.AddRange(["--source", settings.Source]);
        }

        if (settings.Parallel is { } p)
        {
            args.AddRange(["--parallel", Text(p)]);
        }

        if (settings.Root is not null)
        {
            args.AddRange(["--root", settings.Root]);
        }

        if (settings.Shard is not null)
        {
            args.AddRange(["--shard", settings.Shard]);
        }

        if (settings.NoSandbox)
        {
            args.Add("--no-sandbox");
        }

        return new CourseworkCommand(Context.Output, Context.Error, Context.CurrentDirectory).RunAsync(args, cancellationToken);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
