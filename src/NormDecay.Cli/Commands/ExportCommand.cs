using System.ComponentModel;
using NormDecay.Cli.Execution;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// <c>normdecay export PATHS -o DIR</c>: the HTML site (index.html, one page per notebook with a link to download it, assets/)
/// from executed notebooks; offline (plotly.js, KaTeX and Vazirmatn are vendored).
/// </summary>
public sealed class ExportCommand(CliContext context) : VerbCommand<ExportCommand.Settings>(context)
{
    /// <summary>The options of <c>export</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Executed notebooks or folders of them.</summary>
        [CommandArgument(0, "<PATHS>")]
        [Description("Executed notebooks (.ipynb) or folders of them.")]
        public string[] Paths { get; init; } = [];

        /// <summary>The site folder.</summary>
        [CommandOption("-o|--output <DIR>")]
        [Description("The site folder (required).")]
        public string? Output { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            Output is null ? ValidationResult.Error("export needs -o DIR (the site folder).") : ValidationResult.Success();
    }

    /// <inheritdoc/>
    protected override Task<int> RunAsync(CommandContext command, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> notebooks = RepositoryLayout.ExpandNotebooks(settings.Paths.Select(Context.FullPath));
        string site = Context.FullPath(settings.Output!);
        OutputFolder.EnsureWritable(site);
        int failures = NotebookJobs.WriteExport(Context, Context.Exporter.Export(notebooks, site));
        return Task.FromResult(failures == 0 ? ExitCodes.Ok : ExitCodes.Failed);
    }
}
