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
    public void Assign_SourceFiles_NbgraderReleaseTreeWithLibrariesAndSourceUntouched()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-assign-" + Guid.NewGuid().ToString("N")[..8]);
        byte[] before = SHA256.HashData(File.ReadAllBytes(A1));
        string fa = Path.Combine(Repo.Root, "notebooks", "fa", "a1-batchnorm.ipynb");
        IReadOnlyList<string> written = Assigner.Assign([A1, fa], dir, Repo.Lib, Path.Combine(Repo.Root, ".config", "dotnet-tools.json"));
        string folder = Path.Combine(dir, "release", "a1-batchnorm");
        Assert.Equal([Path.Combine(folder, "a1-batchnorm.ipynb"), Path.Combine(folder, "a1-batchnorm.fa.ipynb")], written);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(A1)));
        foreach (string lib in SetupCell.Libraries)
        {
            Assert.True(File.Exists(Path.Combine(folder, "lib", lib + ".dll")), lib);
        }

        Assert.True(File.Exists(Path.Combine(folder, ".config", "dotnet-tools.json")));
        Assert.Equal(SetupCell.ReleaseText, NotebookFile.Load(written[0]).Cells.First(c => c.IsCode).Source);
        Assert.Equal(SetupCell.ReleaseText, NotebookFile.Load(written[1]).Cells.First(c => c.IsCode).Source);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Assign_LibrariesMissing_ClearErrorAndNothingWritten()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-assign-" + Guid.NewGuid().ToString("N")[..8]);
        var e = Assert.Throws<DirectoryNotFoundException>(() => Assigner.Assign([A1], dir, Path.Combine(dir, "no-lib")));
        Assert.Contains("dotnet build src/NormDecay.Notebook", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "release")));
    }

    [Fact]
    public void Assign_OutputIsSourceFolder_RefusesToOverwrite()
    {
        string course = Path.Combine(Path.GetTempPath(), "nd-assign-" + Guid.NewGuid().ToString("N")[..8]);
        string source = Path.Combine(course, "release", "a1-batchnorm", "a1-batchnorm.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        File.Copy(A1, source);
        var e = Assert.Throws<InvalidOperationException>(() => Assigner.Assign([source], course));
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

    [Fact]
    public void IsAssignment_CourseNotebooks_TrueForTheAssignmentsOnly()
    {
        foreach (string lang in new[] { "en", "fa" })
        {
            foreach (string nb in Directory.GetFiles(Path.Combine(Repo.Root, "notebooks", lang), "*.ipynb"))
            {
                Assert.True(Path.GetFileName(nb).StartsWith('a') == Assigner.IsAssignment(NotebookFile.Load(nb)), nb);
            }
        }
    }

    [Theory]
    [InlineData("metadata")]
    [InlineData("grade mark")]
    [InlineData("solution region")]
    [InlineData("hidden tests")]
    public void IsAssignment_AnyOneCourseworkMark_True(string mark)
    {
        NotebookFile nb = Repo.Notebook(mark switch
        {
            "solution region" => "double F() {\n    // ### BEGIN SOLUTION\n    return 1;\n    // ### END SOLUTION\n}",
            "hidden tests" => "Check(1);\n// ### BEGIN HIDDEN TESTS\nCheck(2);\n// ### END HIDDEN TESTS",
            _ => "var x = 1;",
        });
        Assert.False(Assigner.IsAssignment(Repo.Notebook("var x = 1;")));
        if (mark == "metadata")
        {
            nb.Metadata["normdecay"] = new System.Text.Json.Nodes.JsonObject { ["assignment"] = "a9-x" };
        }
        else if (mark == "grade mark")
        {
            nb.Cells.Single(c => c.Id == "c1").Metadata["nbgrader"] = new System.Text.Json.Nodes.JsonObject { ["grade_id"] = "c1", ["grade"] = true, ["points"] = 1 };
        }

        Assert.True(Assigner.IsAssignment(nb), mark);
    }

    [Fact]
    public void StudentNotebook_ExecutedSource_IsWhatAssignWritesWithTheReleaseSetupCell()
    {
        NotebookFile executed = NotebookFile.Load(A1);
        foreach (NotebookCell cell in executed.Cells.Where(c => c.IsCode))
        {
            cell.SetOutputs([new System.Text.Json.Nodes.JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = "solution result" }], 1);
        }

        NotebookFile student = Assigner.StudentNotebook(executed);
        Assert.Equal(SetupCell.ReleaseText, student.Cells.First(c => c.IsCode).Source);
        Assert.DoesNotContain("solution result", student.ToJson(), StringComparison.Ordinal);
        string dir = Path.Combine(Path.GetTempPath(), "nd-assign-" + Guid.NewGuid().ToString("N")[..8]);
        string written = Assert.Single(Assigner.Assign([A1], dir));
        Assert.Equal(File.ReadAllText(written), student.ToJson());
        Directory.Delete(dir, recursive: true);
    }
}
