using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using NormDecay.Charts.Text;
using NormDecay.Cli.Execution;
using NormDecay.Cli.Export;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// <c>normdecay build</c>: executes every notebook under notebooks/en and notebooks/fa into artifacts/notebooks/{en,fa}/, then
/// exports the site to artifacts/site/ (each page with a link to download its executed notebook).
/// </summary>
public sealed class BuildCommand(CliContext context) : VerbCommand<BuildCommand.Settings>(context)
{
    /// <summary>The options of <c>build</c>.</summary>
    public sealed class Settings : ExecutionSettings
    {
        /// <summary>Execute only; do not export the site.</summary>
        [CommandOption("--no-export")]
        [Description("Execute only; do not export artifacts/site/.")]
        [DefaultValue(false)]
        public bool NoExport { get; init; }

        /// <summary>Kernels started ahead (process up, setup cell run) while other notebooks execute.</summary>
        [CommandOption("--warm <N>")]
        [Description("Kernels started ahead (process up, setup cell run) while other notebooks execute; 0 = none.")]
        [DefaultValue(1)]
        public int Warm { get; init; } = 1;

        /// <summary>Do not compile the kernel ahead of time (see <see cref="KernelImage"/>).</summary>
        [CommandOption("--no-kernel-image")]
        [Description("Do not compile the pinned kernel ahead of time (once per machine, into ~/.cache/normdecay/kernel/; about 1 s less CPU per kernel start).")]
        [DefaultValue(false)]
        public bool NoKernelImage { get; init; }

        /// <inheritdoc/>
        public override Spectre.Console.ValidationResult Validate() =>
            Warm < 0 ? Spectre.Console.ValidationResult.Error($"--warm must be 0 or a positive whole number, not {Warm}.") : base.Validate();
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(CommandContext command, Settings settings, CancellationToken cancellationToken)
    {
        string root = settings.Root is { } r ? Context.FullPath(r) : RepositoryLayout.FindRoot(Context.CurrentDirectory)
            ?? throw new UsageException($"No NormDecay repository (NormDecay.sln) at or above '{Context.CurrentDirectory}'; pass --root DIR.");
        var clock = Stopwatch.StartNew();
        string notebooks = Path.Combine(root, "notebooks");
        var sources = new List<string>();
        foreach (string lang in CourseLanguage.Supported)
        {
            string dir = Path.Combine(notebooks, lang);
            if (Directory.Exists(dir))
            {
                sources.AddRange(RepositoryLayout.ExpandNotebooks([dir]));
            }
        }

        if (sources.Count == 0)
        {
            await Context.Error.WriteLineAsync($"error: no notebooks under {notebooks}/en or {notebooks}/fa.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        string outDir = Path.Combine(root, "artifacts", "notebooks");
        string site = Path.Combine(root, "artifacts", "site");
        var jobs = sources.Select(s => (s, Path.Combine(outDir, RepositoryLayout.LanguageOf(s) ?? "other", Path.GetFileName(s)))).ToList();
        NotebookJobs.EnsureRunnable(sources);
        NotebookJobs.EnsureWritable(jobs.Select(j => j.Item2));
        if (!settings.NoExport)
        {
            OutputFolder.EnsureWritable(site);
        }

        if (!settings.NoKernelImage)
        {
            await Context.Output.WriteLineAsync(await KernelImage.PrepareAsync(root, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        // The last build's times start the longest notebooks first (a long one left to the end would run alone); this
        // build's times replace them, and the table shows where the time went.
        string timesPath = Path.Combine(root, "artifacts", "build-times.csv");
        RunOptions options = NotebookJobs.Options(settings.Timeout, settings.Parallel, root) with
        {
            WarmKernels = settings.Warm,
            ExpectedTimes = BuildTimes.Read(timesPath, root),
        };
        var executeClock = Stopwatch.StartNew();
        IReadOnlyList<NotebookRunResult> results = await NotebookJobs.ExecuteAsync(Context, "build", jobs, options, cancellationToken).ConfigureAwait(false);
        BuildTimes.Write(timesPath, results, root);
        await Context.Output.WriteAsync(BuildTimes.ToTable(results, root, executeClock.Elapsed)).ConfigureAwait(false);
        int failed = NotebookJobs.Report(Context, results);
        if (!settings.NoExport)
        {
            var executed = results.Where(x => x.Output is not null).Select(x => x.Output!).ToList();
            if (executed.Count > 0)
            {
                ExportReport report = Context.Exporter.Export(executed, site);
                failed += NotebookJobs.WriteExport(Context, report);
            }
        }

        await Context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"build: {results.Count(x => x.Succeeded)}/{results.Count} notebooks ok in {clock.Elapsed.TotalSeconds:0.0} s; executed copies in {outDir}")).ConfigureAwait(false);
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
