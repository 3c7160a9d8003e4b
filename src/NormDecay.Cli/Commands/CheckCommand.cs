using System.ComponentModel;
using NormDecay.Cli.Checking;
using NormDecay.Cli.Execution;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary><c>normdecay check PATHS</c>: nbformat, metadata, cell ids, the setup cell, cleared outputs, English/Persian parity.</summary>
public sealed class CheckCommand(CliContext context) : VerbCommand<CheckCommand.Settings>(context)
{
    /// <summary>The options of <c>check</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Notebooks or folders (e.g. notebooks/).</summary>
        [CommandArgument(0, "<PATHS>")]
        [Description("Notebooks or folders of notebooks (e.g. notebooks/).")]
        public string[] Paths { get; init; } = [];

        /// <summary>The notebooks are executed copies: do not require cleared outputs.</summary>
        [CommandOption("--executed")]
        [Description("The notebooks are executed copies: outputs are allowed.")]
        [DefaultValue(false)]
        public bool Executed { get; init; }
    }

    /// <inheritdoc/>
    protected override Task<int> RunAsync(CommandContext command, Settings settings, CancellationToken cancellationToken)
    {
        var paths = settings.Paths.Select(Context.FullPath).ToList();
        IReadOnlyList<CheckProblem> problems = NotebookChecker.CheckAll(paths, requireClearedOutputs: !settings.Executed);
        int count = RepositoryLayout.ExpandNotebooks(paths).Count;
        foreach (CheckProblem p in problems)
        {
            Context.Error.WriteLine(p.ToString());
        }

        Context.Output.WriteLine(problems.Count == 0
            ? $"check: {count} notebooks ok"
            : $"check: {problems.Count} problems in {problems.Select(p => p.Notebook).Distinct().Count()} of {count} notebooks");
        return Task.FromResult(problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed);
    }
}
