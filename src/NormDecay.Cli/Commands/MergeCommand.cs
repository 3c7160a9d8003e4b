using System.ComponentModel;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Execution;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// <c>normdecay merge SHARD_DIRS -o DIR</c>: merges the gradebooks that <c>grade --shard I/N</c> wrote (<see cref="Gradebook.Merge"/>)
/// and copies their feedback pages into DIR. Exit codes: 0 merged, 1 a gradebook is missing or unreadable, 2 wrong usage,
/// 3 DIR not writable.
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
    protected override Task<int> RunAsync(CommandContext command, Settings settings, CancellationToken cancellationToken)
    {
        string[] shards = [.. settings.ShardDirs.Select(Context.FullPath)];
        string outDir = Context.FullPath(settings.Output!);
        OutputFolder.EnsureWritable(outDir);
        try
        {
            var rows = Gradebook.Merge(shards.Select(d => Gradebook.Read(Path.Combine(d, Gradebook.LongFile))));
            foreach (string d in shards.Where(d => !string.Equals(d, outDir, StringComparison.Ordinal)))
            {
                string feedback = Path.Combine(d, "feedback");
                if (Directory.Exists(feedback))
                {
                    foreach (string f in Directory.EnumerateFiles(feedback, "*", SearchOption.AllDirectories))
                    {
                        IO.AtomicFile.WriteAllBytes(Path.Combine(outDir, "feedback", Path.GetRelativePath(feedback, f)), File.ReadAllBytes(f));
                    }
                }
            }

            Gradebook.Write(outDir, rows);
            Context.Output.WriteLine($"merge: {rows.Select(r => r.Student).Distinct().Count()} students, {rows.Count} rows from {shards.Length} shards; {Path.Combine(outDir, Gradebook.LongFile)}, {Path.Combine(outDir, Gradebook.WideFile)}");
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            Context.Error.WriteLine("error: " + e.Message);
            return Task.FromResult(ExitCodes.Failed);
        }
    }
}
