using System.Text.Json.Nodes;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Coursework;

/// <summary>A submission's language comes from the notebook's metadata (then its folder), not from searching its text.</summary>
public sealed class SubmissionTests : IDisposable
{
    private static readonly string English = Path.Combine(Repo.Root, "notebooks", "en", "a1-batchnorm.ipynb");
    private static readonly string Persian = Path.Combine(Repo.Root, "notebooks", "fa", "a1-batchnorm.ipynb");
    private readonly string dir = Directory.CreateTempSubdirectory("nd-submission-").FullName;
    private readonly AssignmentKey key = AssignmentKey.Load(English);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Prepare_PersianMetadataWithoutRtlMarkup_Persian()
    {
        // The markdown's right-to-left wrapper removed (a student's editor may drop it): the metadata still says Persian.
        string text = File.ReadAllText(Persian).Replace("lang=\\\"fa\\\"", "", StringComparison.Ordinal);
        Assert.DoesNotContain("lang=\\\"fa\\\"", text, StringComparison.Ordinal);
        var s = Submission.Prepare(Write("sara", text), [key], out _);
        Assert.True(s.Usable);
        Assert.Equal("fa", s.Language);
    }

    [Fact]
    public void Prepare_EnglishWithRtlMarkupInCells_English()
    {
        // An English submission that quotes the Persian wrapper in a markdown answer and in a code comment stays English.
        var nb = JsonNode.Parse(File.ReadAllText(English))!;
        var cells = nb["cells"]!.AsArray();
        cells.Add(Cell("markdown", "A note: Persian pages wrap text in <div dir=\"rtl\" lang=\"fa\">."));
        cells.Add(Cell("code", "// <div dir=\"rtl\" lang=\"fa\">"));
        Assert.Equal("en", (string?)nb["metadata"]!["normdecay"]!["lang"] ?? "en");
        var s = Submission.Prepare(Write("alex", nb.ToJsonString()), [key], out _);
        Assert.True(s.Usable);
        Assert.Equal("en", s.Language);
    }

    [Theory]
    [InlineData("fa", "fa")]
    [InlineData("sam", "en")]
    public void Prepare_NoLanguageMetadata_FolderThenEnglish(string folder, string expected)
    {
        var nb = JsonNode.Parse(File.ReadAllText(Persian))!;
        nb["metadata"]!["normdecay"]!.AsObject().Remove("lang");
        string path = Path.Combine(dir, folder, "a1-batchnorm.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, nb.ToJsonString());
        Assert.Equal(expected, Submission.Prepare(path, [key], out _).Language);
    }

    private string Write(string student, string text)
    {
        string path = Path.Combine(dir, "submitted", student, "a1-batchnorm", "a1-batchnorm.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonObject Cell(string type, string source)
    {
        var cell = new JsonObject { ["cell_type"] = type, ["id"] = $"extra-{type}", ["metadata"] = new JsonObject(), ["source"] = source };
        if (type == "code")
        {
            cell["execution_count"] = null;
            cell["outputs"] = new JsonArray();
        }

        return cell;
    }
}
