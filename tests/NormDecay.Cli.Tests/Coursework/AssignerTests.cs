using System.Security.Cryptography;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Coursework;

public class AssignerTests
{
    private static string A1 => Path.Combine(Repo.Root, "notebooks", "en", "a1-batchnorm.ipynb");

    [Fact]
    public void Release_A1_HasStubsNoSolutionsNoHiddenTestsNoOutputs()
    {
        NotebookFile source = NotebookFile.Load(A1);
        NotebookFile release = Assigner.Release(source);
        string json = release.ToJson();
        Assert.DoesNotContain("BEGIN HIDDEN TESTS", json, StringComparison.Ordinal);
        Assert.DoesNotContain("bnH1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PointwiseMultiply(xHat).ColumnSums()", json, StringComparison.Ordinal); // the backward solution
        foreach (string id in new[] { "bn-forward-train", "bn-forward-eval", "bn-backward" })
        {
            NotebookCell cell = release.Cells.Single(c => c.Id == id);
            Assert.Contains(Regions.Stub(id), cell.Source, StringComparison.Ordinal);
        }

        Assert.All(release.Cells.Where(c => c.IsCode), c => Assert.True(c.Outputs is { Count: 0 } && c.ExecutionCount is null, c.Id));
        Assert.Equal(source.Cells.Select(c => c.Id), release.Cells.Select(c => c.Id));
        Assert.Equal("a1-batchnorm", GradeCell.AssignmentId(release));
        Assert.Contains("Part 1 (forward, train)", release.Cells.Single(c => c.Id == "bn-forward-train-tests").Source, StringComparison.Ordinal); // visible checks stay
    }

    [Fact]
    public void Assign_SourceFile_WritesReleaseUnderLanguageAndLeavesSourceUntouched()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-assign-" + Guid.NewGuid().ToString("N")[..8]);
        byte[] before = SHA256.HashData(File.ReadAllBytes(A1));
        IReadOnlyList<string> written = Assigner.Assign([A1], dir);
        Assert.Equal(Path.Combine(dir, "en", "a1-batchnorm.ipynb"), Assert.Single(written));
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(A1)));
        Assert.Empty(Directory.GetFiles(Path.Combine(dir, "en"), "*.tmp", SearchOption.AllDirectories));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Assign_OutputIsSourceFolder_RefusesToOverwrite()
    {
        string notebooks = Path.GetDirectoryName(Path.GetDirectoryName(A1))!;
        var e = Assert.Throws<InvalidOperationException>(() => Assigner.Assign([A1], notebooks));
        Assert.Contains("overwrite", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_SolutionCellWithoutRegion_ThrowsNamingCell()
    {
        NotebookFile nb = Repo.Notebook("var x = 1;");
        nb.Cells.Single(c => c.Id == "c1").Metadata["nbgrader"] = new System.Text.Json.Nodes.JsonObject { ["grade_id"] = "c1", ["solution"] = true };
        var e = Assert.Throws<InvalidDataException>(() => Assigner.Release(nb));
        Assert.Contains("'c1'", e.Message, StringComparison.Ordinal);
    }
}
