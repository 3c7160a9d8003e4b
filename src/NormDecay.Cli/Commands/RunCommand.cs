using System.ComponentModel;
using NormDecay.Cli.Execution;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// <c>normdecay run PATHS</c>: executes notebooks, each in its own kernel started in the notebook's folder. Executed copies go to
/// DIR/&lt;lang&gt;/; a source changes only with <c>--in-place</c>. Notebooks of another language and unwritable output folders are
/// refused before any kernel starts.
/// </summary>
public sealed class RunCommand(CliContext context) : VerbCommand<RunCommand.Settings>(context)
{
    /// <summary>The options of <c>run</c>.</summary>
    public sealed class Settings : ExecutionSettings
    {
        /// <summary>Notebooks or folders of notebooks.</summary>
        [CommandArgument(0, "<PATHS>")]
        [Description("Notebooks (.ipynb) or folders of notebooks.")]
        public string[] Paths { get; init; } = [];

        /// <summary>Where executed copies go (DIR/&lt;lang&gt;/name.ipynb).</summary>
        [CommandOption("-o|--output <DIR>")]
        [Description("Where executed copies go, as DIR/<lang>/<name>.ipynb. Default: artifacts/notebooks/ of the repository.")]
        public string? Output { get; init; }

        /// <summary>Write the outputs into the source notebooks themselves.</summary>
        [CommandOption("--in-place")]
        [Description("Write the outputs into the source notebooks themselves (not with -o).")]
        [DefaultValue(false)]
        public bool InPlace { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            InPlace && Output is not null ? ValidationResult.Error("Give either -o DIR or --in-place, not both.") : base.Validate();
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(CommandContext command, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> sources = RepositoryLayout.ExpandNotebooks(settings.Paths.Select(Context.FullPath));
        if (sources.Count == 0)
        {
            throw new UsageException($"No .ipynb notebooks in {string.Join(", ", settings.Paths)}.");
        }

        string? root = RepositoryLayout.FindRoot(Path.GetDirectoryName(sources[0])!);
        string outDir = settings.Output is not null ? Context.FullPath(settings.Output) : Path.Combine(root ?? Context.CurrentDirectory, "artifacts", "notebooks");
        var jobs = new List<(string, string)>();
        foreach (string s in sources)
        {
            string target = settings.InPlace ? s : Path.Combine(outDir, RepositoryLayout.LanguageOf(s) ?? "", Path.GetFileName(s));
            if (!settings.InPlace && string.Equals(Path.GetFullPath(target), s, StringComparison.Ordinal))
            {
                throw new UsageException($"The executed copy of '{s}' would overwrite it; choose another -o or pass --in-place.");
            }

            jobs.Add((s, target));
        }

        NotebookJobs.EnsureRunnable(sources);
        NotebookJobs.EnsureWritable(jobs.Select(j => j.Item2));
        RunOptions options = NotebookJobs.Options(settings.Timeout, settings.Parallel, settings.Root is { } r ? Context.FullPath(r) : null);
        IReadOnlyList<NotebookRunResult> results = await NotebookJobs.ExecuteAsync(Context, "run", jobs, options, cancellationToken).ConfigureAwait(false);
        return NotebookJobs.Report(Context, results) == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
