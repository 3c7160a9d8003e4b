using System.Text.RegularExpressions;
using NormDecay.Cli.Commands;
using NormDecay.Cli.Execution;
using NormDecay.Cli.Export;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Pipeline;
using NormDecay.Cli.Tests.Support;
using NormDecay.Cli.Tests.Translation;
using NormDecay.Cli.Translation;

namespace NormDecay.Cli.Tests.Commands;

public class CliTests
{
    private sealed class RecordingExport : ISiteExport
    {
        public List<string> Exported { get; } = [];

        public string? OutputDir { get; private set; }

        public ExportReport Export(IReadOnlyList<string> executedNotebooks, string outputDir)
        {
            Exported.AddRange(executedNotebooks);
            OutputDir = outputDir;
            return new ExportReport(outputDir, null, [], [], [], "test", TimeSpan.Zero);
        }
    }

    private static async Task<(int Code, string Out, string Err)> Invoke(string cwd, ISiteExport? export, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = await new Cli.Commands.Cli(o, e, cwd, export).RunAsync(args);
        return (code, o.ToString(), e.ToString());
    }

    private static string CourseWithTool()
    {
        string course = Repo.NewCourse();
        Directory.CreateDirectory(Path.Combine(course, ".config"));
        File.Copy(Path.Combine(Repo.Root, ".config", "dotnet-tools.json"), Path.Combine(course, ".config", "dotnet-tools.json"));
        return course;
    }

    [Fact]
    public async Task RunAsync_MistypedVerb_SuggestsTheVerbAndExitsTwo()
    {
        var (code, _, err) = await Invoke(Repo.Root, null, "rnu", "x.ipynb");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Unknown command 'rnu'", err, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'run'?", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ExitsTwo()
    {
        var (code, _, err) = await Invoke(Repo.Root, null, "check", "notebooks", "--bogus");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Unknown option 'bogus'", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("build", "--parallel <N>", "--timeout <SEC>", "--root <DIR>", "--no-export", "--no-kernel-image", "--warm <N>")]
    [InlineData("run", "<PATHS>", "-o, --output <DIR>", "--in-place", "--parallel <N>", "--timeout <SEC>", "--root <DIR>")]
    [InlineData("export", "<PATHS>", "-o, --output <DIR>")]
    [InlineData("check", "<PATHS>", "--executed")]
    [InlineData("translate", "[PATHS]", "--lang <LANG>", "--stub", "--root <DIR>")]
    [InlineData("assign", "<SOURCES>", "-o, --output <DIR>")]
    [InlineData("grade", "<SUBMISSIONS>", "-o, --output <DIR>", "--source <PATH>", "--timeout <SEC>", "--parallel <N>", "--memory <MB>", "--root <DIR>", "--shard <I/N>", "--no-sandbox")]
    [InlineData("merge", "<SHARD_DIRS>", "-o, --output <DIR>")]
    public async Task RunAsync_VerbHelp_ListsEveryOptionAndExitsZero(string verb, params string[] expected)
    {
        var (code, output, _) = await Invoke(Repo.Root, null, verb, "--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"normdecay {verb}", output, StringComparison.Ordinal);
        Assert.All(expected, e => Assert.Contains(e, output, StringComparison.Ordinal));
        var (helpCode, helpOut, _) = await Invoke(Repo.Root, null, "help", verb);
        Assert.Equal(ExitCodes.Ok, helpCode);
        Assert.Equal(output, helpOut);
    }

    [Theory]
    [InlineData("run", "--timeout <SEC>", "120")]
    [InlineData("run", "--parallel <N>", "2")]
    [InlineData("translate", "--lang <LANG>", "fa")]
    [InlineData("grade", "--timeout <SEC>", "30")]
    [InlineData("grade", "--memory <MB>", "1024")]
    public async Task RunAsync_VerbHelp_ShowsDefaults(string verb, string option, string defaultValue)
    {
        var (_, output, _) = await Invoke(Repo.Root, null, verb, "--help");
        string line = output.Split('\n').Single(l => l.Contains(option, StringComparison.Ordinal));
        Assert.Matches($@"{Regex.Escape(option)}\s+{Regex.Escape(defaultValue)}\s", line);
    }

    [Fact]
    public async Task RunAsync_ToolHelp_ListsEveryVerb()
    {
        var (code, output, _) = await Invoke(Repo.Root, null, "--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.All(new[] { "build", "run <PATHS>", "export <PATHS>", "check <PATHS>", "translate", "assign <SOURCES>", "grade <SUBMISSIONS>", "merge <SHARD_DIRS>" },
            v => Assert.Contains(v, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_BadNumber_IsUsageErrorWithoutStackTrace()
    {
        var (code, _, err) = await Invoke(Repo.Root, null, "run", "x.ipynb", "--timeout", "0");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--timeout must be a positive number of seconds, not 0", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutputAndInPlaceTogether_IsUsageError()
    {
        var (code, _, err) = await Invoke(Repo.Root, null, "run", "x.ipynb", "-o", "out", "--in-place");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("either -o DIR or --in-place", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingPath_IsUsageErrorNamingIt()
    {
        var (code, _, err) = await Invoke(Repo.Root, null, "run", "no-such-notebook.ipynb");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal($"error: No notebook or folder at '{Path.Combine(Repo.Root, "no-such-notebook.ipynb")}'.", err.Trim());
    }

    [Fact]
    public async Task Run_UnwritableOutputFolder_RefusedBeforeAnyKernelStarts()
    {
        string course = CourseWithTool();
        string src = Path.Combine(course, "notebooks", "en", "r.ipynb");
        Repo.Notebook("System.IO.File.WriteAllText(\"ran.txt\", \"kernel ran\");").Save(src);
        string blocker = Path.Combine(course, "blocker");
        File.WriteAllText(blocker, "a file where the output folder should be");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, output, err) = await Invoke(course, null, "run", src, "-o", Path.Combine(blocker, "out"));
        Assert.Equal(ExitCodes.OutputNotWritable, code);
        string line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: cannot write to the output folder '{Path.Combine(blocker, "out", "en")}'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("executing", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(course, "notebooks", "en", "ran.txt"))); // the notebook never ran
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Export_UnwritableSiteFolder_ExitsThree()
    {
        string course = Repo.NewCourse();
        string blocker = Path.Combine(course, "blocker");
        File.WriteAllText(blocker, "");
        Repo.Notebook("1").Save(Path.Combine(course, "notebooks", "en", "e.ipynb"));
        var (code, _, err) = await Invoke(course, new RecordingExport(), "export", "notebooks", "-o", blocker);
        Assert.Equal(ExitCodes.OutputNotWritable, code);
        Assert.Contains("it is a file, not a folder", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_LessonPages_LinkTheirNotebookCopiedIntoTheSite()
    {
        string course = Repo.NewCourse();
        NotebookFile en = Repo.Notebook("1 + 1");
        en.Cells[2].Json["outputs"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": {"text/plain": "2"}}]""");
        en.Save(Path.Combine(course, "notebooks", "en", "01-x.ipynb"));
        Repo.Notebook("2 + 2").Save(Path.Combine(course, "notebooks", "fa", "01-x.ipynb"));
        Repo.Notebook("3").Save(Path.Combine(course, "notebooks", "en", "a1-x.ipynb"));
        var (code, _, err) = await Invoke(course, null, "export", "notebooks", "-o", "site");
        Assert.True(code == ExitCodes.Ok, err);
        foreach (string language in new[] { "en", "fa" })
        {
            string page = Path.Combine(course, "site", language, "01-x.html");
            AngleSharp.Dom.IDocument doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(page));
            AngleSharp.Dom.IElement link = Assert.Single(doc.QuerySelectorAll("a.nd-download-link"));
            Assert.Equal(SiteStrings.For(language).DownloadNotebook, link.TextContent);
            string href = link.GetAttribute("href")!;
            Assert.False(Path.IsPathRooted(href) || href.Contains(':', StringComparison.Ordinal), href); // relative: works from file://
            string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, href));
            Assert.Equal(Path.Combine(course, "site", language), Path.GetDirectoryName(target)); // inside the site, beside the page
            NotebookFile copy = NotebookFile.Load(target); // a valid notebook
            Assert.Equal(4, copy.Format);
            Assert.Equal(File.ReadAllText(Path.Combine(course, "notebooks", language, "01-x.ipynb")), File.ReadAllText(target));
        }

        Assert.Equal("2", NotebookFile.Load(Path.Combine(course, "site", "en", "01-x.ipynb")).Cells[2].Outputs![0]!["data"]!["text/plain"]!.GetValue<string>());
        // The assignment offers its student notebook (what assign writes), not the input.
        string student = Path.Combine(course, "site", "en", "a1-x.ipynb");
        Assert.Equal(NormDecay.Cli.Coursework.Assigner.StudentNotebook(NotebookFile.Load(Path.Combine(course, "notebooks", "en", "a1-x.ipynb"))).ToJson(), File.ReadAllText(student));
        Assert.Equal(SetupCell.ReleaseText, NotebookFile.Load(student).Cells.First(c => c.IsCode).Source);
        Assert.Empty(Directory.GetFiles(Path.Combine(course, "site"), "*.tmp", SearchOption.AllDirectories));
    }

    /// <summary>A Persian notebook made by <c>translate</c>, then copied out of notebooks/fa (as a student keeps it).</summary>
    private static async Task<(string Course, string Copy)> PersianNotebookCopiedElsewhere(string code)
    {
        string course = CourseWithTool();
        File.WriteAllText(Path.Combine(course, "NormDecay.sln"), "");
        string en = Path.Combine(course, "notebooks", "en", "05-lang.ipynb");
        Repo.Notebook(code).Save(en);
        TranslationTestData.WriteTranslation(en, "fa");
        var (code1, _, err) = await Invoke(course, null, "translate");
        Assert.True(code1 == ExitCodes.Ok, err);
        string copy = Path.Combine(course, "kept", "here", "05-lang.ipynb"); // ../../artifacts/lib still resolves from here
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(CoursePaths.Counterpart(en, "fa"), copy);
        Assert.Equal("fa", NotebookFile.Load(copy).Metadata[NotebookMetadata.OwnKey]![NotebookMetadata.LanguageKey]!.GetValue<string>());
        return (course, copy);
    }

    [Fact]
    public async Task Export_PersianNotebookCopiedElsewhere_IsExportedRightToLeft()
    {
        var (course, copy) = await PersianNotebookCopiedElsewhere("1");
        var (code, _, err) = await Invoke(course, null, "export", copy, "-o", "site");
        Assert.True(code == ExitCodes.Ok, err);
        string html = File.ReadAllText(Path.Combine(course, "site", "fa", "05-lang.html"));
        Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(course, "site", "en")));
    }

    [Fact]
    public async Task Run_PersianNotebookCopiedElsewhere_RunsInPersian()
    {
        var (course, copy) = await PersianNotebookCopiedElsewhere(
            "Console.WriteLine(Environment.GetEnvironmentVariable(\"NORMDECAY_LANG\") + \"|\" + NormDecay.Charts.Text.ChartText.Language);");
        var (code, _, err) = await Invoke(course, null, "run", copy, "-o", "out");
        Assert.True(code == ExitCodes.Ok, err);
        NotebookFile executed = NotebookFile.Load(Path.Combine(course, "out", "fa", "05-lang.ipynb"));
        Assert.Contains("fa|fa", executed.Cells[2].Outputs![0]!["text"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("fa", NotebookMetadata.Language(executed)); // the executed copy keeps the language for export
    }

    [Fact]
    public async Task Run_PythonNotebook_RefusedWithClearMessage()
    {
        string course = CourseWithTool();
        string src = Path.Combine(course, "notebooks", "en", "py.ipynb");
        File.WriteAllText(src, """
            {"cells": [{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {}, "outputs": [], "source": ["print('hello')"]}],
             "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}, "language_info": {"name": "python"}},
             "nbformat": 4, "nbformat_minor": 5}
            """);
        var (code, output, err) = await Invoke(course, null, "run", src, "-o", "out");
        Assert.Equal(ExitCodes.NotRunnable, code);
        Assert.Equal($"error: {src} is a python (kernelspec python3) notebook; normdecay runs only C# notebooks (kernelspec .net-csharp)", err.Trim());
        Assert.DoesNotContain("CS1002", err + output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(course, "out")));
    }

    [Fact]
    public async Task Run_WithOutputFolder_WritesCopyAndLeavesSourceUntouched()
    {
        string course = CourseWithTool();
        string src = Path.Combine(course, "notebooks", "en", "r.ipynb");
        Repo.Notebook("Console.WriteLine(40 + 2);").Save(src);
        string before = File.ReadAllText(src);
        var (code, output, err) = await Invoke(course, null, "run", src, "-o", "executed");
        Assert.True(code == 0, err);
        Assert.Equal(before, File.ReadAllText(src));
        NotebookFile executed = NotebookFile.Load(Path.Combine(course, "executed", "en", "r.ipynb"));
        Assert.Contains("42", executed.Cells[2].Outputs![0]!["text"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("[1/1] ok   en/r.ipynb", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InPlace_WritesOutputsIntoSource()
    {
        string course = CourseWithTool();
        string src = Path.Combine(course, "notebooks", "en", "r.ipynb");
        Repo.Notebook("6 * 7").Save(src);
        var (code, _, err) = await Invoke(course, null, "run", src, "--in-place");
        Assert.True(code == 0, err);
        Assert.NotEmpty(NotebookFile.Load(src).Cells[2].Outputs!);
    }

    [Fact]
    public async Task Build_OneBrokenNotebook_OthersStillRunAndExitIsNonZero()
    {
        string course = CourseWithTool();
        File.WriteAllText(Path.Combine(course, "NormDecay.sln"), "");
        Repo.Notebook("1 + 1").Save(Path.Combine(course, "notebooks", "en", "01-good.ipynb"));
        Repo.Notebook("throw new Exception(\"broken lesson\");").Save(Path.Combine(course, "notebooks", "en", "02-bad.ipynb"));
        var export = new RecordingExport();
        var (code, output, err) = await Invoke(course, export, "build", "--no-kernel-image");
        Assert.Equal(1, code);
        Assert.Contains("02-bad.ipynb: cell 3 (id c1): System.Exception: broken lesson", err, StringComparison.Ordinal);
        Assert.Contains("1/2 notebooks ok", output, StringComparison.Ordinal);
        Assert.Contains("build: executing 2 notebooks", output, StringComparison.Ordinal);
        Assert.Matches(@"\[1/2\] (ok  |FAIL) en/0[12]-", output); // progress with counts, though output is not a terminal
        Assert.Matches(@"\[2/2\] (ok  |FAIL) en/0[12]-", output);
        Assert.Equal(2, export.Exported.Count);
        Assert.Equal(Path.Combine(course, "artifacts", "site"), export.OutputDir);
        Assert.True(File.Exists(Path.Combine(course, "artifacts", "notebooks", "en", "01-good.ipynb")));

        // The per-notebook breakdown: printed, and kept for the next build's longest-first order.
        Assert.Contains("2 notebooks: ", output, StringComparison.Ordinal);
        Assert.Contains("setup cell", output, StringComparison.Ordinal);
        IReadOnlyDictionary<string, TimeSpan> times = BuildTimes.Read(Path.Combine(course, "artifacts", "build-times.csv"), course);
        Assert.Equal(2, times.Count);
        Assert.All(times.Values, t => Assert.True(t > TimeSpan.Zero));
    }

    [Fact]
    public async Task Build_NegativeWarm_IsAUsageError()
    {
        string course = CourseWithTool();
        var (code, _, err) = await Invoke(course, new RecordingExport(), "build", "--warm", "-1");
        Assert.Equal(2, code);
        Assert.Contains("--warm must be 0 or a positive whole number", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_NoNotebooks_SaysSo()
    {
        string course = CourseWithTool();
        var (code, _, err) = await Invoke(course, new RecordingExport(), "build", "--root", course);
        Assert.Equal(1, code);
        Assert.Contains("no notebooks under", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ReportsProblemsAndExitsOne()
    {
        string course = Repo.NewCourse();
        NotebookFile nb = Repo.Notebook("1");
        nb.Cells[2].Json.Remove("id");
        nb.Save(Path.Combine(course, "notebooks", "en", "03-x.ipynb"));
        var (code, output, err) = await Invoke(course, null, "check", "notebooks");
        Assert.Equal(1, code);
        Assert.Contains("03-x.ipynb: cell 3: has no id", err, StringComparison.Ordinal);
        Assert.Contains("problems in 1 of 1 notebooks", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Translate_StubThenFillThenGenerate_PassesCheck()
    {
        string course = Repo.NewCourse();
        File.WriteAllText(Path.Combine(course, "NormDecay.sln"), "");
        string en = Path.Combine(course, "notebooks", "en", "04-t.ipynb");
        Repo.Notebook("1").Save(en);

        var (stubCode, stubOut, _) = await Invoke(course, null, "translate", "--stub");
        Assert.Equal(0, stubCode);
        Assert.Contains("2 of 2 cells to translate", stubOut, StringComparison.Ordinal);

        var (missingCode, _, missingErr) = await Invoke(course, null, "translate");
        Assert.Equal(1, missingCode);
        Assert.Contains("04-t.ipynb: cell title has no fa translation", missingErr, StringComparison.Ordinal);

        TranslationTestData.WriteTranslation(en, "fa");
        var (code, _, err) = await Invoke(course, null, "translate");
        Assert.True(code == 0, err);
        Assert.True(File.Exists(CoursePaths.Counterpart(en, "fa")));
        var (checkCode, checkOut, checkErr) = await Invoke(course, null, "check", "notebooks");
        Assert.True(checkCode == 0, checkErr);
        Assert.Contains("check: 2 notebooks ok", checkOut, StringComparison.Ordinal);
    }
}
