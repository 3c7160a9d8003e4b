using System.ComponentModel;
using NormDecay.Cli.Coursework;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// <c>normdecay assign SOURCES -o DIR</c>: the student release of an assignment (solution regions become stubs, hidden tests
/// removed, outputs cleared) in DIR/release/&lt;assignment&gt;/ (nbgrader's layout), with lib/ and the pinned kernel manifest so it runs from any folder. The work is <see cref="CourseworkCommand"/>'s; this class declares the options.
/// </summary>
public sealed class AssignCommand(CliContext context) : VerbCommand<AssignCommand.Settings>(context)
{
    /// <summary>The options of <c>assign</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The instructor's assignment notebooks or folders.</summary>
        [CommandArgument(0, "<SOURCES>")]
        [Description("The instructor's assignment notebooks or folders (never modified).")]
        public string[] Sources { get; init; } = [];

        /// <summary>Where the student releases go.</summary>
        [CommandOption("-o|--output <DIR>")]
        [Description("The course folder; releases go to DIR/release/<assignment>/ (required).")]
        public string? Output { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            Output is null ? ValidationResult.Error("assign needs -o DIR.") : ValidationResult.Success();
    }

    /// <inheritdoc/>
    protected override Task<int> RunAsync(CommandContext command, Settings settings, CancellationToken cancellationToken) =>
        new CourseworkCommand(Context.Output, Context.Error, Context.CurrentDirectory)
            .RunAsync(["assign", .. settings.Sources, "-o", settings.Output!], cancellationToken);
}
