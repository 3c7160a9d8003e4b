using NormDecay.Cli.Commands;
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
    public async Task RunAsync_UnknownVerb_ExitsTwoWithUsage()
    {
        var (code, _, err) = await Invoke(Repo.Root, null, "frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("Unknown verb 'frobnicate'", err, StringComparison.Ordinal);
        Assert.Contains("translate [PATHS]", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ExitsTwo()
    {
        var (code, _, err) = await Invoke(Repo.Root, null, "check", "notebooks", "--bogus");
        Assert.Equal(2, code);
        Assert.Contains("Unknown option '--bogus' for 'check'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutputAndInPlaceTogether_IsUsageError()
    {
        var (code, _, err) = await Invoke(Repo.Root, null, "run", "x.ipynb", "-o", "out", "--in-place");
        Assert.Equal(2, code);
        Assert.Contains("either -o DIR or --in-place", err, StringComparison.Ordinal);
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
        Assert.Contains("ok   en/r.ipynb", output, StringComparison.Ordinal);
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
        var (code, output, err) = await Invoke(course, export, "build");
        Assert.Equal(1, code);
        Assert.Contains("02-bad.ipynb: cell 3 (id c1): System.Exception: broken lesson", err, StringComparison.Ordinal);
        Assert.Contains("1/2 notebooks ok", output, StringComparison.Ordinal);
        Assert.Equal(2, export.Exported.Count);
        Assert.Equal(Path.Combine(course, "artifacts", "site"), export.OutputDir);
        Assert.True(File.Exists(Path.Combine(course, "artifacts", "notebooks", "en", "01-good.ipynb")));
    }

    [Fact]
    public async Task Build_NoNotebooks_SaysSo()
    {
        string course = CourseWithTool();
        var (code, _, err) = await Invoke(course, new RecordingExport(), "build", "--root", course);
        Assert.Equal(1, code);
        Assert.Contains("No notebooks under", err, StringComparison.Ordinal);
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
