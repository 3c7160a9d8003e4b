using System.ComponentModel;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Execution;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// <c>normdecay assign SOURCES -o DIR</c>: the student release of an assignment (solution regions become stubs, hidden tests
/// removed, outputs cleared) in DIR/release/&lt;assignment&gt;/ (nbgrader's layout), with lib/ and the pinned kernel manifest
/// so it runs from any folder (<see cref="Assigner"/>). Sources are never modified. Exit codes: 0 written, 1 an invalid
/// source, 2 wrong usage, 3 DIR not writable.
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
    protected override Task<int> RunAsync(CommandContext command, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> sources = RepositoryLayout.ExpandNotebooks(settings.Sources.Select(Context.FullPath));
        string outDir = Context.FullPath(settings.Output!);
        OutputFolder.EnsureWritable(outDir);
        string? root = RepositoryLayout.FindRoot(sources.Count > 0 ? Path.GetDirectoryName(sources[0])! : Context.CurrentDirectory);
        string? lib = root is null ? null : Path.Combine(root, "artifacts", "lib");
        string? manifest = root is null ? null : Path.Combine(root, ".config", "dotnet-tools.json");
        try
        {
            foreach (string written in Assigner.Assign(sources, outDir, lib, manifest is not null && File.Exists(manifest) ? manifest : null))
            {
                Context.Output.WriteLine($"assign: {written}");
            }

            return Task.FromResult(ExitCodes.Ok);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or DirectoryNotFoundException)
        {
            Context.Error.WriteLine("error: " + e.Message);
            return Task.FromResult(ExitCodes.Failed);
        }
    }
}
