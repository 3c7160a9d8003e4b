using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Export;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Export;

/// <summary>
/// The real assignment notebooks (notebooks/{en,fa}/a*.ipynb) as the instructor's executed copies, exported once: every
/// code cell given outputs that repeat its whole source (solution and hidden tests included) and a marker, the worst an
/// executed copy can hold. Shared by <see cref="AssignmentPagesTests"/>.
/// </summary>
public sealed class ExecutedAssignmentsSite : IDisposable
{
    /// <summary>Written into every injected output, so any output that reaches the site is found.</summary>
    public const string OutputMarker = "INSTRUCTOR-OUTPUT-7f3c9e";

    public ExecutedAssignmentsSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "nd-assignment-pages", Guid.NewGuid().ToString("N")[..12]);
        var executed = new List<string>();
        foreach (string source in Sources)
        {
            string language = Path.GetFileName(Path.GetDirectoryName(source))!;
            string copy = Path.Combine(Root, "instructor", language, Path.GetFileName(source));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.WriteAllText(copy, Executed(File.ReadAllText(source)));
            executed.Add(copy);
        }

        ExecutedCopies = executed;
        Hashes = executed.ToDictionary(p => p, ExportedFixtureSite.Hash);
        SiteDir = Path.Combine(Root, "site");
        Report = SiteExporter.Export(executed, SiteDir);
    }

    /// <summary>The instructor's sources: every assignment in both languages.</summary>
    public static IReadOnlyList<string> Sources { get; } = new[] { "en", "fa" }
        .SelectMany(l => Directory.GetFiles(Path.Combine(Repo.Root, "notebooks", l), "a*.ipynb").Order(StringComparer.Ordinal))
        .ToArray();

    public string Root { get; }

    public string SiteDir { get; }

    public ExportReport Report { get; }

    public IReadOnlyList<string> ExecutedCopies { get; }

    public IReadOnlyDictionary<string, string> Hashes { get; }

    public IDocument Parse(string relativePath) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(SiteDir, relativePath)));

    /// <summary>The notebook JSON with every code cell "executed": outputs of each kind repeating its source, an execution count.</summary>
    public static string Executed(string json)
    {
        var root = (JsonObject)JsonNode.Parse(json)!;
        int count = 0;
        foreach (JsonObject cell in ((JsonArray)root["cells"]!).Cast<JsonObject>().Where(c => c["cell_type"]!.GetValue<string>() == "code"))
        {
            string source = cell["source"] is JsonArray a ? string.Concat(a.Select(x => x!.GetValue<string>())) : cell["source"]!.GetValue<string>();
            count++;
            cell["execution_count"] = count;
            cell["outputs"] = new JsonArray
            {
                new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = OutputMarker + " stdout\n" + source },
                new JsonObject
                {
                    ["data"] = new JsonObject { ["text/plain"] = OutputMarker + " result\n" + source },
                    ["execution_count"] = count,
                    ["metadata"] = new JsonObject(),
                    ["output_type"] = "execute_result",
                },
                new JsonObject
                {
                    ["data"] = new JsonObject { ["text/html"] = "<pre>" + OutputMarker + " html\n" + System.Net.WebUtility.HtmlEncode(source) + "</pre>" },
                    ["metadata"] = new JsonObject(),
                    ["output_type"] = "display_data",
                },
            };
        }

        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}

/// <summary>Assignment pages show what a student is handed, never the instructor's solutions, hidden tests or outputs.</summary>
public class AssignmentPagesTests(ExecutedAssignmentsSite site) : IClassFixture<ExecutedAssignmentsSite>
{
    public static TheoryData<string> Languages => new() { "en", "fa" };

    private static IReadOnlyList<string> SourcesIn(string language) =>
        ExecutedAssignmentsSite.Sources.Where(s => Path.GetFileName(Path.GetDirectoryName(s)) == language).ToList();

    [Theory]
    [MemberData(nameof(Languages))]
    public void Export_ExecutedAssignments_NoFileUnderTheSiteHoldsSolutionsOrHiddenTests(string language)
    {
        Assert.True(site.Report.Succeeded, string.Join("\n", site.Report.Failures));
        IReadOnlyList<string> sources = SourcesIn(language);
        Assert.Equal(3, sources.Count);
        var needles = new List<InstructorSecrets.Needle>();
        foreach (string source in sources)
        {
            IReadOnlyList<InstructorSecrets.Needle> own = InstructorSecrets.Of(source, []);
            // The needles follow the notebooks; guard against a vacuous pass if the markup ever changes.
            Assert.Contains(own, n => n.Kind == "solution");
            Assert.Contains(own, n => n.Kind == "hidden test");
            needles.AddRange(own);
        }

        Assert.Contains(needles, n => n.Kind == "model answer"); // A2's written answer
        Assert.Empty(InstructorSecrets.Scan(site.SiteDir, needles));
        Assert.Empty(InstructorSecrets.Scan(site.SiteDir, [new InstructorSecrets.Needle("(executed copies)", "*", "output", ExecutedAssignmentsSite.OutputMarker)]));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Export_ExecutedAssignments_PageShowsTheStudentNotebookUnexecuted(string language)
    {
        foreach (string source in SourcesIn(language))
        {
            string slug = Path.GetFileNameWithoutExtension(source);
            ExportedPage page = site.Report.Pages.Single(p => p.Language == language && Path.GetFileNameWithoutExtension(p.OutputPath) == slug);
            Assert.Equal(PageKind.Assignment, page.Kind);
            IDocument doc = site.Parse(Path.Combine(language, slug + ".html"));
            NotebookFile student = Assigner.StudentNotebook(NotebookFile.Load(source));
            string[] expected = [.. student.Cells.Where(c => c.IsCode).Select(c => c.Source.TrimEnd())];
            string[] shown = [.. doc.QuerySelectorAll("pre.nd-source code").Select(c => c.TextContent)];
            Assert.Equal(expected, shown);
            Assert.Contains(shown, s => s.Contains("throw new NotImplementedException(", StringComparison.Ordinal));
            Assert.Empty(doc.QuerySelectorAll(".nd-outputs, .nd-output"));
            Assert.All(doc.QuerySelectorAll(".nd-prompt"), p => Assert.Equal("[ ]", p.TextContent));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Export_ExecutedAssignments_DownloadIsTheNotebookAssignWrites(string language)
    {
        string course = Path.Combine(site.Root, "assign-" + language);
        IReadOnlyList<string> released = Assigner.Assign(SourcesIn(language), course);
        foreach (string release in released)
        {
            string id = Path.GetFileName(Path.GetDirectoryName(release))!;
            IDocument doc = site.Parse(Path.Combine(language, id + ".html"));
            IElement link = Assert.Single(doc.QuerySelectorAll("aside.nd-download.nd-assignment a.nd-download-link"));
            Assert.Equal(Path.GetFileName(release), link.GetAttribute("href"));
            string download = Path.Combine(site.SiteDir, language, Path.GetFileName(release));
            Assert.Equal(File.ReadAllText(release), File.ReadAllText(download));
            Assert.Equal(download, site.Report.Pages.Single(p => p.Language == language && p.OutputPath.EndsWith(id + ".html", StringComparison.Ordinal)).NotebookCopy);
            NotebookFile nb = NotebookFile.Load(download);
            Assert.All(nb.Cells.Where(c => c.IsCode), c => Assert.True(c.Outputs is { Count: 0 } && c.ExecutionCount is null, c.Id));
            Assert.Equal(SetupCell.ReleaseText, nb.Cells.First(c => c.IsCode).Source);
        }

        Assert.Equal(3, released.Count);
    }

    [Fact]
    public void Export_ExecutedAssignments_NoteSaysRunAndHandInInThePageLanguage()
    {
        IElement en = Assert.Single(site.Parse("en/a1-batchnorm.html").QuerySelectorAll("aside.nd-download.nd-assignment"));
        Assert.Equal(SiteStrings.For("en").DownloadAssignment, en.QuerySelector("a")!.TextContent);
        Assert.Contains("to be run and handed in", en.TextContent, StringComparison.Ordinal);
        Assert.Contains("throw new NotImplementedException(...)", en.QuerySelectorAll("code").Select(c => c.TextContent));

        IElement fa = Assert.Single(site.Parse("fa/a1-batchnorm.html").QuerySelectorAll("aside.nd-download.nd-assignment"));
        Assert.Equal(SiteStrings.For("fa").DownloadAssignment, fa.QuerySelector("a")!.TextContent.Trim('\u2067', '\u2069', '\u2068', '\u2066'));
        Assert.Contains("تکلیف", fa.TextContent, StringComparison.Ordinal);
        Assert.Contains("تحویل", fa.TextContent, StringComparison.Ordinal);
        Assert.All(fa.QuerySelectorAll("code"), c => Assert.Equal("ltr", c.GetAttribute("dir")));
    }

    [Fact]
    public void Export_ExecutedAssignments_EveryLinkStaysInsideTheSiteAndInputsAreOnlyRead()
    {
        Assert.Empty(SiteLinks.Escaping(site.SiteDir));
        Assert.DoesNotContain(SiteLinks.All(site.SiteDir), l => l.Target.StartsWith(Path.Combine(site.Root, "instructor"), StringComparison.Ordinal));
        Assert.All(site.ExecutedCopies, p => Assert.Equal(site.Hashes[p], ExportedFixtureSite.Hash(p)));
        // No file of the site is a byte copy of an executed instructor notebook.
        var inputs = site.ExecutedCopies.Select(File.ReadAllText).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(site.SiteDir, "*.ipynb", SearchOption.AllDirectories), f => inputs.Contains(File.ReadAllText(f)));
    }

    [Fact]
    public void Export_AssignmentNamedLikeNoAssignment_RecognisedByItsMetadataAndStripped()
    {
        // A1's source under a lesson-like name: its metadata (normdecay.assignment, nbgrader marks) still makes it an assignment.
        string dir = Path.Combine(site.Root, "renamed", "en");
        Directory.CreateDirectory(dir);
        string renamed = Path.Combine(dir, "12-notes.ipynb");
        File.WriteAllText(renamed, ExecutedAssignmentsSite.Executed(File.ReadAllText(SourcesIn("en")[0])));
        string out_ = Path.Combine(site.Root, "renamed-site");
        ExportReport report = SiteExporter.Export([renamed], out_);
        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        Assert.Equal(PageKind.Assignment, Assert.Single(report.Pages).Kind);
        Assert.Empty(InstructorSecrets.Scan(out_, InstructorSecrets.Of(SourcesIn("en")[0], [])));
        Assert.Empty(InstructorSecrets.Scan(out_, [new InstructorSecrets.Needle("(executed copy)", "*", "output", ExecutedAssignmentsSite.OutputMarker)]));
        Assert.True(File.Exists(Path.Combine(out_, "en", "a1-batchnorm.ipynb")), "the download keeps the release name");
    }

    [Fact]
    public void Export_TwoNotebooksWithOneDownloadName_SecondIsAFailureNamingBoth()
    {
        string a1 = site.ExecutedCopies.First(p => p.EndsWith(Path.Combine("en", "a1-batchnorm.ipynb"), StringComparison.Ordinal));
        string dir = Path.Combine(site.Root, "twice", "en");
        Directory.CreateDirectory(dir);
        string other = Path.Combine(dir, "13-more.ipynb"); // also names assignment a1-batchnorm in its metadata
        File.Copy(a1, other);
        ExportReport report = SiteExporter.Export([a1, other], Path.Combine(site.Root, "twice-site"));
        ExportFailure failure = Assert.Single(report.Failures);
        Assert.Equal(other, failure.Notebook);
        Assert.Contains(a1, failure.Message, StringComparison.Ordinal);
        Assert.Contains("en/a1-batchnorm.ipynb", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportSinglePage_AssignmentBesideItsNotebook_RefusesToOverwriteIt()
    {
        string executed = site.ExecutedCopies.First(p => p.EndsWith(Path.Combine("en", "a1-batchnorm.ipynb"), StringComparison.Ordinal));
        string before = ExportedFixtureSite.Hash(executed);
        var e = Assert.Throws<InvalidOperationException>(() => SiteExporter.ExportSinglePage(executed, Path.ChangeExtension(executed, ".html")));
        Assert.Contains(executed, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, ExportedFixtureSite.Hash(executed));
    }
}
