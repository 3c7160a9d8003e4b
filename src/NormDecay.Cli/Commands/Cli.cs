using System.Diagnostics;
using System.Globalization;
using NormDecay.Cli.Checking;
using NormDecay.Cli.Execution;
using NormDecay.Cli.Export;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Pipeline;
using NormDecay.Cli.Translation;
using Spectre.Console;

namespace NormDecay.Cli.Commands;

/// <summary>
/// The <c>normdecay</c> verbs: <c>build</c>, <c>run</c>, <c>export</c>, <c>check</c>, <c>translate</c>, and the coursework verbs
/// <c>assign</c> and <c>grade</c> (<see cref="Coursework.CourseworkCommand"/>). Exit codes: 0 success,
/// 1 a notebook failed (named with its cell and error), 2 wrong usage.
/// </summary>
public sealed class Cli(TextWriter output, TextWriter error, string currentDirectory, ISiteExport? export = null)
{
    /// <summary>The usage text.</summary>
    public const string Usage = $$"""
        normdecay VERB [options]

          build [--root DIR] [--parallel N] [--warm N] [--timeout SEC] [--no-export]
                Execute every notebook under notebooks/ into artifacts/notebooks/{en,fa}/, then export artifacts/site/;
                prints the per-notebook times and writes them to artifacts/build-times.csv (the next build starts the
                longest first). --warm N: kernels started ahead while others run (default 1, 0 = none).
          run PATHS [-o DIR | --in-place] [--parallel N] [--warm N] [--timeout SEC]
                Execute notebooks; executed copies go to DIR/<lang>/ (default artifacts/notebooks/). Sources are never
                modified unless --in-place is given.
          export PATHS -o DIR
                HTML site (index.html, one page per notebook, assets/) from executed notebooks.
          check PATHS [--executed]
                nbformat, metadata, cell ids, setup cell, cleared outputs (skipped with --executed), English/Persian parity.
          translate [PATHS] [--lang fa] [--stub]
                Generate notebooks/<lang>/ from notebooks/en/ and notebooks/i18n/<lang>/*.json; --stub writes skeleton
                translation files instead (keeps existing translations).
        {{Coursework.CourseworkCommand.Usage}}
        PATHS are notebooks or folders. Exit code: 0 ok, 1 failures, 2 usage.
        """;

    private static readonly HashSet<string> Valued = ["-o", "--output", "--root", "--parallel", "--warm", "--timeout", "--lang"];

    private readonly ISiteExport exporter = export ?? new SiteExport();

    /// <summary>Runs the verb in <paramref name="args"/> and returns the exit code.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        try
        {
            CommandLine cl = CommandLine.Parse(args, Valued);
            return cl.Verb switch
            {
                "build" => await BuildAsync(cl, cancellationToken).ConfigureAwait(false),
                "run" => await RunVerbAsync(cl, cancellationToken).ConfigureAwait(false),
                "export" => ExportVerb(cl),
                "check" => CheckVerb(cl),
                "translate" => TranslateVerb(cl),
                "" or "help" or "--help" or "-h" => Help(),
                "assign" or "grade" or "merge" => await new Coursework.CourseworkCommand(output, error, currentDirectory).RunAsync(args, cancellationToken).ConfigureAwait(false),
                _ => throw new UsageException($"Unknown verb '{cl.Verb}'."),
            };
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message + "\n\n" + Usage).ConfigureAwait(false);
            return 2;
        }
        catch (FileNotFoundException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }
    }

    private int Help()
    {
        output.WriteLine(Usage);
        return 0;
    }

    private string Root(CommandLine cl)
    {
        string? root = cl.Value("--root") is { } r ? Path.GetFullPath(r, currentDirectory) : RepositoryLayout.FindRoot(currentDirectory);
        return root ?? throw new UsageException($"No NormDecay repository (NormDecay.sln) at or above '{currentDirectory}'; pass --root DIR.");
    }

    private static RunOptions Options(CommandLine cl, string? toolDir) => new()
    {
        CellTimeout = TimeSpan.FromSeconds(cl.Int("--timeout", (int)RunOptions.Default.CellTimeout.TotalSeconds)),
        Parallelism = cl.Int("--parallel", RunOptions.Default.Parallelism),
        WarmKernels = cl.Int("--warm", RunOptions.Default.WarmKernels, minimum: 0),
        ToolDirectory = toolDir,
    };

    private async Task<int> BuildAsync(CommandLine cl, CancellationToken ct)
    {
        Reject(cl, "--root", "--parallel", "--warm", "--timeout", "--no-export");
        string root = Root(cl);
        var clock = Stopwatch.StartNew();
        string notebooks = Path.Combine(root, "notebooks");
        var sources = new List<string>();
        foreach (string lang in new[] { "en", "fa" })
        {
            string dir = Path.Combine(notebooks, lang);
            if (Directory.Exists(dir))
            {
                sources.AddRange(RepositoryLayout.ExpandNotebooks([dir]));
            }
        }

        if (sources.Count == 0)
        {
            error.WriteLine($"No notebooks under {notebooks}/en or {notebooks}/fa.");
            return 1;
        }

        string outDir = Path.Combine(root, "artifacts", "notebooks");
        var jobs = sources.Select(s => (s, Path.Combine(outDir, RepositoryLayout.LanguageOf(s) ?? "other", Path.GetFileName(s)))).ToList();
        string timesPath = Path.Combine(root, "artifacts", "build-times.csv");
        var executeClock = Stopwatch.StartNew();
        IReadOnlyList<NotebookRunResult> results = await ExecuteAsync(
            jobs, Options(cl, root) with { ExpectedTimes = BuildTimes.Read(timesPath, root) }, ct).ConfigureAwait(false);
        BuildTimes.Write(timesPath, results, root);
        output.Write(BuildTimes.ToTable(results, root, executeClock.Elapsed));
        output.WriteLine($"timings: {timesPath}");
        int failed = Report(results);
        if (!cl.Has("--no-export"))
        {
            var executed = results.Where(r => r.Output is not null).Select(r => r.Output!).ToList();
            if (executed.Count > 0)
            {
                ExportReport report = exporter.Export(executed, Path.Combine(root, "artifacts", "site"));
                failed += WriteExport(report);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"build: {results.Count - results.Count(r => !r.Succeeded)}/{results.Count} notebooks ok in {clock.Elapsed.TotalSeconds:0.0} s; executed copies in {outDir}"));
        return failed == 0 ? 0 : 1;
    }

    private async Task<int> RunVerbAsync(CommandLine cl, CancellationToken ct)
    {
        Reject(cl, "-o", "--output", "--in-place", "--parallel", "--warm", "--timeout", "--root");
        if (cl.Paths.Count == 0)
        {
            throw new UsageException("run needs at least one notebook or folder.");
        }

        bool inPlace = cl.Has("--in-place");
        string? outArg = cl.Value("-o", "--output");
        if (inPlace && outArg is not null)
        {
            throw new UsageException("Give either -o DIR or --in-place, not both.");
        }

        IReadOnlyList<string> sources = RepositoryLayout.ExpandNotebooks(cl.Paths.Select(p => Path.GetFullPath(p, currentDirectory)));
        string? root = RepositoryLayout.FindRoot(sources.Count > 0 ? Path.GetDirectoryName(sources[0])! : currentDirectory);
        string outDir = outArg is not null ? Path.GetFullPath(outArg, currentDirectory)
            : Path.Combine(root ?? currentDirectory, "artifacts", "notebooks");
        var jobs = new List<(string, string)>();
        foreach (string s in sources)
        {
            string target = inPlace ? s : Path.Combine(outDir, RepositoryLayout.LanguageOf(s) ?? "", Path.GetFileName(s));
            if (!inPlace && string.Equals(Path.GetFullPath(target), s, StringComparison.Ordinal))
            {
                throw new UsageException($"The executed copy of '{s}' would overwrite it; choose another -o or pass --in-place.");
            }

            jobs.Add((s, target));
        }

        IReadOnlyList<NotebookRunResult> results = await ExecuteAsync(jobs, Options(cl, cl.Value("--root") is { } r ? Path.GetFullPath(r, currentDirectory) : null), ct).ConfigureAwait(false);
        return Report(results) == 0 ? 0 : 1;
    }

    private int ExportVerb(CommandLine cl)
    {
        Reject(cl, "-o", "--output");
        string outDir = cl.Value("-o", "--output") ?? throw new UsageException("export needs -o DIR.");
        if (cl.Paths.Count == 0)
        {
            throw new UsageException("export needs at least one executed notebook or folder.");
        }

        IReadOnlyList<string> nbs = RepositoryLayout.ExpandNotebooks(cl.Paths.Select(p => Path.GetFullPath(p, currentDirectory)));
        return WriteExport(exporter.Export(nbs, Path.GetFullPath(outDir, currentDirectory))) == 0 ? 0 : 1;
    }

    private int CheckVerb(CommandLine cl)
    {
        Reject(cl, "--executed");
        if (cl.Paths.Count == 0)
        {
            throw new UsageException("check needs at least one notebook or folder (e.g. notebooks/).");
        }

        var paths = cl.Paths.Select(p => Path.GetFullPath(p, currentDirectory)).ToList();
        IReadOnlyList<CheckProblem> problems = NotebookChecker.CheckAll(paths, requireClearedOutputs: !cl.Has("--executed"));
        int count = RepositoryLayout.ExpandNotebooks(paths).Count;
        foreach (CheckProblem p in problems)
        {
            error.WriteLine(p.ToString());
        }

        output.WriteLine(problems.Count == 0 ? $"check: {count} notebooks ok" : $"check: {problems.Count} problems in {problems.Select(p => p.Notebook).Distinct().Count()} of {count} notebooks");
        return problems.Count == 0 ? 0 : 1;
    }

    private int TranslateVerb(CommandLine cl)
    {
        Reject(cl, "--lang", "--stub", "--root");
        string lang = cl.Value("--lang") ?? "fa";
        IReadOnlyList<string> english = cl.Paths.Count > 0
            ? RepositoryLayout.ExpandNotebooks(cl.Paths.Select(p => Path.GetFullPath(p, currentDirectory)))
            : RepositoryLayout.ExpandNotebooks([Path.Combine(Root(cl), "notebooks", "en")]);
        int failures = 0;
        foreach (string en in english.Where(p => CoursePaths.LanguageOf(p) == "en"))
        {
            NotebookFile source = NotebookFile.Load(en);
            string translationPath = CoursePaths.TranslationFile(en, lang);
            TranslationFile? existing = File.Exists(translationPath) ? TranslationFile.Load(translationPath) : null;
            if (cl.Has("--stub"))
            {
                TranslationFile stub = Translator.Stub(source, lang, existing);
                stub.Save(translationPath, source.Cells.Select(c => c.Id ?? ""));
                int todo = stub.Cells.Values.Count(c => c.Text.Length == 0);
                output.WriteLine($"stub: {translationPath} ({todo} of {stub.Cells.Count} cells to translate)");
                continue;
            }

            if (existing is null)
            {
                error.WriteLine($"{en}: no translation file {translationPath} (run 'translate --stub' to create one)");
                failures++;
                continue;
            }

            try
            {
                NotebookFile translated = Translator.Translate(source, existing);
                string target = CoursePaths.Counterpart(en, lang);
                translated.Save(target);
                output.WriteLine($"translate: {target}");
            }
            catch (InvalidOperationException e)
            {
                error.WriteLine(e.Message);
                failures++;
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private async Task<IReadOnlyList<NotebookRunResult>> ExecuteAsync(IReadOnlyList<(string Source, string Output)> jobs, RunOptions options, CancellationToken ct)
    {
        bool interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            return await CourseRunner.RunAllAsync(jobs, options, r => output.WriteLine(Line(r)), ct).ConfigureAwait(false);
        }

        IReadOnlyList<NotebookRunResult> results = [];
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
        {
            ProgressTask task = ctx.AddTask($"executing {jobs.Count} notebooks", maxValue: jobs.Count);
            results = await CourseRunner.RunAllAsync(jobs, options, r =>
            {
                AnsiConsole.MarkupLine(Markup.Escape(Line(r)));
                task.Increment(1);
            }, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return results;
    }

    private static string Line(NotebookRunResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{(r.Succeeded ? "ok  " : "FAIL")} {Path.GetFileName(Path.GetDirectoryName(r.Source))}/{Path.GetFileName(r.Source)}  {r.Elapsed.TotalSeconds:0.0} s (kernel start {r.KernelStartup.TotalSeconds:0.0} s)");

    private int Report(IReadOnlyList<NotebookRunResult> results)
    {
        var failed = results.Where(r => !r.Succeeded).ToList();
        foreach (NotebookRunResult r in failed)
        {
            error.WriteLine("error: " + r.Describe());
        }

        return failed.Count;
    }

    private int WriteExport(ExportReport report)
    {
        foreach (string w in report.Warnings)
        {
            error.WriteLine("warning: " + w);
        }

        foreach (ExportFailure f in report.Failures)
        {
            error.WriteLine($"error: export {f.Notebook}: {f.Message}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"export: {report.Pages.Count} pages in {report.OutputDirectory} ({report.Elapsed.TotalSeconds:0.0} s)"));
        return report.Failures.Count;
    }

    private static void Reject(CommandLine cl, params string[] known)
    {
        string? unknown = cl.Unknown(known).FirstOrDefault();
        if (unknown is not null)
        {
            throw new UsageException($"Unknown option '{unknown}' for '{cl.Verb}'.");
        }
    }
}
