using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;
using NormDecay.Cli.Translation;

namespace NormDecay.Cli.Tests.Translation;

public class TranslatorTests
{
    private static (NotebookFile En, TranslationFile Fa, string EnPath) Pair()
    {
        string course = Repo.NewCourse();
        string en = Path.Combine(course, "notebooks", "en", "02-pair.ipynb");
        Repo.Notebook("var x = 1;\r\nx // CRLF and trailing space ", "Console.WriteLine(\"سلام\");").Save(en);
        TranslationFile fa = TranslationTestData.WriteTranslation(en, "fa");
        return (NotebookFile.Load(en), TranslationFile.Load(CoursePaths.TranslationFile(en, "fa")), en);
    }

    [Fact]
    public void Translate_CodeCells_AreCopiedByteForByte()
    {
        var (en, fa, _) = Pair();
        NotebookFile result = Translator.Translate(en, fa);
        var enCode = en.Cells.Where(c => c.IsCode).Select(c => c.Json["source"]!.ToJsonString()).ToList();
        var faCode = result.Cells.Where(c => c.IsCode).Select(c => c.Json["source"]!.ToJsonString()).ToList();
        Assert.Equal(enCode, faCode);
        Assert.Equal(en.Cells.Select(c => c.Id), result.Cells.Select(c => c.Id));
        var metadata = (System.Text.Json.Nodes.JsonObject)result.Metadata.DeepClone();
        metadata.Remove(NotebookMetadata.OwnKey);
        Assert.Equal(en.Metadata.ToJsonString(), metadata.ToJsonString()); // the rest of the metadata is the source's
    }

    [Fact]
    public void Translate_Persian_WritesTheLanguageIntoTheMetadata()
    {
        var (en, fa, _) = Pair();
        Assert.Null(NotebookMetadata.Language(en));
        NotebookFile result = Translator.Translate(en, fa);
        Assert.Equal("fa", result.Metadata[NotebookMetadata.OwnKey]![NotebookMetadata.LanguageKey]!.GetValue<string>());
        Assert.Equal("fa", NotebookMetadata.Language(NotebookFile.Parse(result.ToJson())));
    }

    [Fact]
    public void Translate_PersianMarkdown_IsWrappedRightToLeftWithBlankLines()
    {
        var (en, fa, _) = Pair();
        string md = Translator.Translate(en, fa).Cells[0].Source;
        Assert.StartsWith("<div dir=\"rtl\" lang=\"fa\">\n\n## ترجمهٔ title", md, StringComparison.Ordinal);
        Assert.EndsWith("\n\n</div>", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_DoesNotModifyTheEnglishNotebook()
    {
        var (en, fa, _) = Pair();
        string before = en.ToJson();
        Translator.Translate(en, fa);
        Assert.Equal(before, en.ToJson());
    }

    [Fact]
    public void Problems_MissingTranslation_NamesNotebookAndCell()
    {
        var (en, fa, _) = Pair();
        fa.Cells.Remove("next");
        TranslationProblem p = Assert.Single(Translator.Problems(en, fa));
        Assert.Equal("02-pair.ipynb", p.Notebook);
        Assert.Equal("next", p.CellId);
        Assert.Contains("has no fa translation", p.Message, StringComparison.Ordinal);
        var e = Assert.Throws<InvalidOperationException>(() => Translator.Translate(en, fa));
        Assert.Contains("02-pair.ipynb: cell next has no fa translation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_EmptyTranslation_CountsAsMissing()
    {
        var (en, fa, _) = Pair();
        fa.Cells["title"] = fa.Cells["title"] with { Text = "  " };
        Assert.Contains(Translator.Problems(en, fa), p => p.CellId == "title" && p.Message.Contains("has no fa translation", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_EnglishTextChanged_IsStale()
    {
        var (en, fa, _) = Pair();
        en.Cells[^1].Source = "## What to try next\n\nChange two numbers.";
        TranslationProblem p = Assert.Single(Translator.Problems(en, fa));
        Assert.Equal("next", p.CellId);
        Assert.Contains("is stale", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_TranslationOfDeletedCell_IsOrphan()
    {
        var (en, fa, _) = Pair();
        fa.Cells["gone"] = new CellTranslation(TranslationFile.Hash("x"), "متن");
        Assert.Contains(Translator.Problems(en, fa), p => p.CellId == "gone" && p.Message.Contains("no English markdown cell", StringComparison.Ordinal));
    }

    [Fact]
    public void Stub_KeepsExistingAndAddsEmptyEntriesWithHashes()
    {
        var (en, fa, _) = Pair();
        fa.Cells.Remove("next");
        TranslationFile stub = Translator.Stub(en, "fa", fa);
        Assert.Equal(fa.Cells["title"], stub.Cells["title"]);
        Assert.Equal("", stub.Cells["next"].Text);
        Assert.Equal(TranslationFile.Hash(en.Cells[^1].Source), stub.Cells["next"].SourceSha256);
    }

    [Fact]
    public void TranslationFile_SaveLoad_RoundTrips()
    {
        var (_, fa, enPath) = Pair();
        string path = CoursePaths.TranslationFile(enPath, "fa");
        fa.Save(path);
        TranslationFile again = TranslationFile.Load(path);
        Assert.Equal(fa.Cells.OrderBy(k => k.Key), again.Cells.OrderBy(k => k.Key));
        Assert.Contains("ترجمهٔ", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_IgnoresLineEndingStyle() =>
        Assert.Equal(TranslationFile.Hash("a\nb"), TranslationFile.Hash("a\r\nb"));
}
