using System.ComponentModel;
using NormDecay.Cli.Coursework;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// <c>normdecay merge SHARD_DIRS -o DIR</c>: merges the gradebooks and feedback that <c>grade --shard I/N</c> wrote. The work is <see cref="CourseworkCommand"/>'s; this class declares the options.
/// </summary>
public sealed class MergeCommand(CliContext context) : VerbCommand<MergeCommand.Settings>(context)
{
    /// <summary>The options of <c>merge</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The output folders of the shards.</summary>
        [CommandArgument(0, "<SHARD_DIRS>")]
        [Description("The output folders of the grade --shard runs.")]
        public string[] ShardDirs { get; init; } = [];

        /// <summary>Where the merged gradebooks go.</summary>
        [CommandOption("-o|--output <DIR>")]
        [Description("Where the merged gradebook.csv, gradebook-wide.csv and feedback/ go (required).")]
        public string? Output { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            Output is null ? ValidationResult.Error("merge needs -o DIR.") : ValidationResult.Success();
    }

    /// <inheritdoc/>
    protected override Task<int> RunAsync(CommandContext command, Settings settings, CancellationToken cancellationToken) =>
        new CourseworkCommand(Context.Output, Context.Error, Context.CurrentDirectory)
            .RunAsync(["merge", .. settings.ShardDirs, "-o", settings.Output!], cancellationToken);
}
