using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>The options of the verbs that execute notebooks (<c>build</c>, <c>run</c>).</summary>
public class ExecutionSettings : CommandSettings
{
    /// <summary>Notebooks executed at once, one kernel each (at most the number of processors).</summary>
    [CommandOption("--parallel <N>")]
    [Description("Notebooks executed at once, one kernel each (at most the number of processors).")]
    [DefaultValue(2)]
    public int Parallel { get; init; } = 2;

    /// <summary>Longest time one cell may run, in seconds, before its kernel is stopped.</summary>
    [CommandOption("--timeout <SEC>")]
    [Description("Longest time one cell may run, in seconds; then its kernel is stopped and the notebook fails.")]
    [DefaultValue(120)]
    public int Timeout { get; init; } = 120;

    /// <summary>The repository (the folder with .config/dotnet-tools.json, the pinned kernel).</summary>
    [CommandOption("--root <DIR>")]
    [Description("The repository: the folder holding NormDecay.sln and .config/dotnet-tools.json (the pinned kernel). Default: found above the current folder (build) or the notebook (run).")]
    public string? Root { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        Parallel < 1 ? ValidationResult.Error($"--parallel must be a positive whole number, not {Parallel}.")
        : Timeout < 1 ? ValidationResult.Error($"--timeout must be a positive number of seconds, not {Timeout}.")
        : ValidationResult.Success();
}
