using System.Text.Json.Nodes;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Tests.Notebooks;

public class NotebookFileTests
{
    private const string Sample = """
        {
         "cells": [
          { "cell_type": "markdown", "id": "m1", "metadata": { "custom": { "keep": true } }, "source": ["# Title\n", "body"] },
          { "cell_type": "code", "execution_count": null, "id": "c1", "metadata": { "polyglot_notebook": { "kernelName": "csharp" } }, "outputs": [], "source": "var x = 1;\nx" }
         ],
         "metadata": { "authors": ["someone"], "kernelspec": { "name": ".net-csharp", "display_name": ".NET (C#)", "language": "C#" } },
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    [Fact]
    public void Parse_ListAndStringSources_JoinsLines()
    {
        NotebookFile nb = NotebookFile.Parse(Sample);
        Assert.Equal("# Title\nbody", nb.Cells[0].Source);
        Assert.Equal("var x = 1;\nx", nb.Cells[1].Source);
        Assert.Equal("csharp", nb.Cells[1].KernelName);
        Assert.Equal(4, nb.Format);
        Assert.Equal(5, nb.FormatMinor);
    }

    [Fact]
    public void ToJson_RoundTrip_PreservesUnknownMetadataAndIsStable()
    {
        NotebookFile nb = NotebookFile.Parse(Sample);
        string once = nb.ToJson();
        NotebookFile again = NotebookFile.Parse(once);
        Assert.Equal(once, again.ToJson());
        Assert.True((bool)again.Cells[0].Metadata["custom"]!["keep"]!);
        Assert.Equal("someone", (string?)again.Metadata["authors"]![0]);
        Assert.Equal("# Title\n", (string?)((JsonArray)again.Cells[0].Json["source"]!)[0]);
        Assert.StartsWith("{\n \"cells\": [", once, StringComparison.Ordinal);
        Assert.EndsWith("}\n", once, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_PersianText_IsWrittenUnescaped()
    {
        NotebookFile nb = NotebookFile.Create();
        nb.AddCell(NotebookCell.Markdown("fa", "نرمال‌سازی دسته‌ای"));
        string json = nb.ToJson();
        Assert.Contains("نرمال‌سازی دسته‌ای", json, StringComparison.Ordinal);
        Assert.Equal("نرمال‌سازی دسته‌ای", NotebookFile.Parse(json).Cells[0].Source);
    }

    [Fact]
    public void Parse_NotJson_NamesFileAndProblem()
    {
        var e = Assert.Throws<InvalidDataException>(() => NotebookFile.Parse("{ \"cells\": [", "broken.ipynb"));
        Assert.Contains("broken.ipynb", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoCells_Throws()
    {
        var e = Assert.Throws<InvalidDataException>(() => NotebookFile.Parse("{\"metadata\": {}}", "x.ipynb"));
        Assert.Contains("'cells'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_WritesAtomicallyAndLeavesNoTemporaryFile()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-nbfile-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(dir, "sub", "n.ipynb");
        NotebookFile nb = NotebookFile.Parse(Sample);
        nb.Save(path);
        nb.Cells[1].Source = "changed";
        nb.Save(path);
        Assert.Equal("changed", NotebookFile.Load(path).Cells[1].Source);
        Assert.Single(Directory.GetFiles(Path.Combine(dir, "sub")));
    }

    [Fact]
    public void Create_HasPolyglotMetadata()
    {
        NotebookFile nb = NotebookFile.Create();
        nb.AddCell(NotebookCell.Code("a", "1"));
        Assert.Empty(NotebookMetadata.Problems(nb));
        Assert.Equal("csharp", nb.Cells[0].KernelName);
        Assert.Equal(".NET (C#)", (string?)nb.Metadata["kernelspec"]!["display_name"]);
        Assert.Equal("polyglot-notebook", (string?)nb.Metadata["language_info"]!["name"]);
    }

    [Fact]
    public void ToLines_KeepsNewlinesOnEachLineButTheLast()
    {
        JsonArray lines = NotebookJson.ToLines("a\nb\n\nc");
        Assert.Equal(["a\n", "b\n", "\n", "c"], lines.Select(l => (string)l!));
        Assert.Empty(NotebookJson.ToLines(""));
    }

    [Theory]
    [InlineData("{ \"polyglot_notebook\": { \"kernelName\": \"fsharp\" }, \"dotnet_interactive\": { \"language\": \"pwsh\" } }", "fsharp")]
    [InlineData("{ \"dotnet_interactive\": { \"language\": \"pwsh\" } }", "pwsh")]
    [InlineData("{}", "csharp")]
    public void KernelOf_CellMetadata_CellBeforeOlderKeyBeforeNotebookDefault(string cellMetadata, string expected)
    {
        NotebookFile nb = NotebookFile.Parse($$"""
            { "cells": [ { "cell_type": "code", "metadata": {{cellMetadata}}, "outputs": [], "source": "" } ],
              "metadata": { "kernelspec": { "language": "C#" } }, "nbformat": 4, "nbformat_minor": 5 }
            """);
        Assert.Equal(expected, nb.KernelOf(nb.Cells[0]));
    }

    [Fact]
    public void KernelOf_NoCellKernel_UsesPolyglotDefaultThenKernelspec()
    {
        NotebookFile nb = NotebookFile.Parse("""
            { "cells": [ { "cell_type": "code", "metadata": {}, "outputs": [], "source": "" } ],
              "metadata": { "polyglot_notebook": { "kernelInfo": { "defaultKernelName": "fsharp" } }, "kernelspec": { "language": "C#" } },
              "nbformat": 4, "nbformat_minor": 5 }
            """);
        Assert.Equal("fsharp", nb.KernelOf(nb.Cells[0]));
        nb.Metadata.Remove("polyglot_notebook");
        Assert.Equal("csharp", nb.KernelOf(nb.Cells[0]));
    }

    [Fact]
    public void OutputItems_ExecutedCell_ReadsStreamDataAndError()
    {
        NotebookFile nb = NotebookFile.Parse("""
            { "cells": [ { "cell_type": "code", "execution_count": 3, "metadata": {}, "source": "", "outputs": [
                { "output_type": "stream", "name": "stdout", "text": ["a\n", "b"] },
                { "output_type": "display_data", "data": { "text/plain": ["x\n", "y"], "application/vnd.plotly.v1+json": { "data": [] } }, "metadata": {} },
                { "output_type": "error", "ename": "E", "evalue": "boom", "traceback": ["t1", "t2"] } ] } ],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5 }
            """);
        IReadOnlyList<NotebookOutput> outputs = nb.Cells[0].OutputItems;
        Assert.Equal(3, outputs.Count);
        Assert.Equal(("stream", "stdout", "a\nb"), (outputs[0].OutputType, outputs[0].StreamName, outputs[0].StreamText));
        Assert.Equal("x\ny", outputs[1].Data["TEXT/PLAIN"]);
        Assert.Equal("{\"data\":[]}", outputs[1].Data["application/vnd.plotly.v1+json"]);
        Assert.Equal(("E", "boom"), (outputs[2].ErrorName, outputs[2].ErrorValue));
        Assert.Equal(["t1", "t2"], outputs[2].Traceback);
    }
}
