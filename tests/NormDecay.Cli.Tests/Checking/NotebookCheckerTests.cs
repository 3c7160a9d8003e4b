using System.Text.Json.Nodes;
using NormDecay.Cli.Checking;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;
using NormDecay.Cli.Translation;
using NormDecay.Cli.Tests.Translation;

namespace NormDecay.Cli.Tests.Checking;

public class NotebookCheckerTests
{
    private static (string Course, string En) Course(NotebookFile nb)
    {
        string course = Repo.NewCourse();
        string en = Path.Combine(course, "notebooks", "en", "01-test.ipynb");
        nb.Save(en);
        return (course, en);
    }

    private static IReadOnlyList<CheckProblem> CheckOnly(NotebookFile nb)
    {
        var (_, en) = Course(nb);
        return NotebookChecker.Check(en);
    }

    [Fact]
    public void Check_ValidSource_HasNoProblems() => Assert.Empty(CheckOnly(Repo.Notebook("1 + 1")));

    [Fact]
    public void Check_ClaimKeyMissingFromStringTables_IsReportedWithTheKey()
    {
        var problems = CheckOnly(Repo.Notebook("Claim.That(\"claim.noSuchSentence\", true, 1.0);"));
        var problem = Assert.Single(problems);
        Assert.Equal("cell 3 (id c1)", problem.Where);
        Assert.Contains("claim key \"claim.noSuchSentence\" has no sentence in strings.en, strings.fa.json", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ClaimKeyInBothStringTables_IsAccepted() =>
        Assert.Empty(CheckOnly(Repo.Notebook("Claim.That(\"claim.fromScratchMatchesLibrary\", true, \"xHat\", 0.0);")));

    [Fact]
    public void Check_EveryClaimKeyOfTheCourse_HasBothSentences()
    {
        var cells = Directory.GetFiles(Path.Combine(Repo.Root, "notebooks", "en"), "*.ipynb")
            .SelectMany(f => NotebookFile.Load(f).Cells.Where(c => c.IsCode)).ToList();
        Assert.True(cells.Count(c => c.Source.Contains("Claim.That(\"claim.", StringComparison.Ordinal)) >= 10, "the lessons check their claims in code");
        var missing = cells.SelectMany(c => NotebookChecker.MissingClaimSentences(c.Source)).ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Check_OldFormat_IsReported()
    {
        NotebookFile nb = Repo.Notebook("1");
        nb.Root["nbformat_minor"] = 4;
        Assert.Contains(CheckOnly(nb), p => p.Message.Contains("nbformat is 4.4", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WrongKernelspec_NamesField()
    {
        NotebookFile nb = Repo.Notebook("1");
        nb.Metadata["kernelspec"]!["name"] = "python3";
        Assert.Contains(CheckOnly(nb), p => p.Message.Contains("metadata.kernelspec.name is \"python3\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MissingPolyglotKernelInfo_IsReported()
    {
        NotebookFile nb = Repo.Notebook("1");
        nb.Metadata.Remove("polyglot_notebook");
        Assert.Contains(CheckOnly(nb), p => p.Message.Contains("defaultKernelName is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_CellWithoutKernelName_NamesCell()
    {
        NotebookFile nb = Repo.Notebook("1");
        nb.Cells[2].Metadata.Remove("polyglot_notebook");
        Assert.Contains(CheckOnly(nb), p => p.Where == "cell 3 (id c1)" && p.Message.Contains("kernelName is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MissingId_IsReported()
    {
        NotebookFile nb = Repo.Notebook("1");
        nb.Cells[2].Json.Remove("id");
        Assert.Contains(CheckOnly(nb), p => p.Where == "cell 3" && p.Message.Contains("has no id", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DuplicateId_IsReported()
    {
        NotebookFile nb = Repo.Notebook("1", "2");
        nb.Cells[3].Id = "c1";
        Assert.Contains(CheckOnly(nb), p => p.Where == "cell 4 (id c1)" && p.Message.Contains("earlier cell", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_InvalidId_IsReported()
    {
        NotebookFile nb = Repo.Notebook("1");
        nb.Cells[2].Id = "has space";
        Assert.Contains(CheckOnly(nb), p => p.Message.Contains("1-64 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NoSetupCell_IsReported()
    {
        NotebookFile nb = Repo.Notebook("1");
        nb.Cells[1].Source = "#r \"nuget: Plotly.NET\"";
        Assert.Contains(CheckOnly(nb), p => p.Message.Contains("not the setup cell", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_OutputsNotCleared_IsReportedUnlessExecuted()
    {
        NotebookFile nb = Repo.Notebook("1");
        nb.Cells[2].SetOutputs([new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "1" }], 1);
        var (_, en) = Course(nb);
        Assert.Contains(NotebookChecker.Check(en), p => p.Message.Contains("committed sources must be cleared", StringComparison.Ordinal));
        Assert.DoesNotContain(NotebookChecker.Check(en, requireClearedOutputs: false), p => p.Message.Contains("cleared", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_InvalidJson_IsReportedNotThrown()
    {
        string course = Repo.NewCourse();
        string path = Path.Combine(course, "notebooks", "en", "bad.ipynb");
        File.WriteAllText(path, "{ not json");
        CheckProblem p = Assert.Single(NotebookChecker.Check(path));
        Assert.Contains("not valid JSON", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_EnglishWithoutPersian_IsReported()
    {
        var (course, _) = Course(Repo.Notebook("1"));
        Assert.Contains(NotebookChecker.CheckAll([Path.Combine(course, "notebooks")]), p => p.Message.Contains("has no Persian counterpart", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckAll_TranslatedPair_HasNoProblems()
    {
        var (course, en) = Course(Repo.Notebook("1"));
        TranslationTestData.WriteTranslation(en, "fa");
        Translator.Translate(NotebookFile.Load(en), TranslationFile.Load(CoursePaths.TranslationFile(en, "fa"))).Save(CoursePaths.Counterpart(en, "fa"));
        Assert.Empty(NotebookChecker.CheckAll([Path.Combine(course, "notebooks")]));
    }

    [Fact]
    public void Check_PersianWithoutLanguageMetadata_IsReported()
    {
        var (_, en) = Course(Repo.Notebook("1"));
        TranslationTestData.WriteTranslation(en, "fa");
        NotebookFile fa = Translator.Translate(NotebookFile.Load(en), TranslationFile.Load(CoursePaths.TranslationFile(en, "fa")));
        fa.Metadata.Remove(NotebookMetadata.OwnKey); // as translate wrote it before it kept the language
        string faPath = CoursePaths.Counterpart(en, "fa");
        fa.Save(faPath);
        CheckProblem p = Assert.Single(NotebookChecker.Check(faPath));
        Assert.Null(p.Where);
        Assert.StartsWith("metadata.normdecay.lang is missing (expected \"fa\"", p.Message, StringComparison.Ordinal);
        Assert.EndsWith("run 'translate'", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LanguageMetadataContradictingItsFolder_IsReported()
    {
        NotebookFile nb = Repo.Notebook("1");
        NotebookMetadata.SetLanguage(nb, "fa");
        CheckProblem p = Assert.Single(CheckOnly(nb)); // in notebooks/en
        Assert.Equal("metadata.normdecay.lang is \"fa\" but the notebook is in the \"en\" folder (a en notebook must say \"en\"; run 'translate' for a generated one)", p.Message);
    }

    [Fact]
    public void Check_EnglishDeclaringEnglish_IsAccepted()
    {
        NotebookFile nb = Repo.Notebook("1");
        NotebookMetadata.SetLanguage(nb, "en");
        Assert.Empty(CheckOnly(nb));
    }

    [Fact]
    public void Check_PersianCodeEditedByHand_NamesCell()
    {
        var (_, en) = Course(Repo.Notebook("1"));
        TranslationTestData.WriteTranslation(en, "fa");
        NotebookFile fa = Translator.Translate(NotebookFile.Load(en), TranslationFile.Load(CoursePaths.TranslationFile(en, "fa")));
        fa.Cells[2].Source = "2";
        string faPath = CoursePaths.Counterpart(en, "fa");
        fa.Save(faPath);
        Assert.Contains(NotebookChecker.Check(faPath), p => p.Where == "cell 3 (id c1)" && p.Message.Contains("byte for byte", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_EnglishChangedAfterTranslation_ReportsStaleCell()
    {
        var (_, en) = Course(Repo.Notebook("1"));
        TranslationTestData.WriteTranslation(en, "fa");
        string faPath = CoursePaths.Counterpart(en, "fa");
        Translator.Translate(NotebookFile.Load(en), TranslationFile.Load(CoursePaths.TranslationFile(en, "fa"))).Save(faPath);
        NotebookFile english = NotebookFile.Load(en);
        english.Cells[0].Source = "# A renamed notebook";
        english.Save(en);
        CheckProblem p = Assert.Single(NotebookChecker.Check(faPath));
        Assert.Equal("id title", p.Where);
        Assert.Contains("is stale", p.Message, StringComparison.Ordinal);
        Assert.Contains("A renamed notebook", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PersianMarkdownEditedByHand_IsReported()
    {
        var (_, en) = Course(Repo.Notebook("1"));
        TranslationTestData.WriteTranslation(en, "fa");
        string faPath = CoursePaths.Counterpart(en, "fa");
        NotebookFile fa = Translator.Translate(NotebookFile.Load(en), TranslationFile.Load(CoursePaths.TranslationFile(en, "fa")));
        fa.Cells[0].Source = "# ویرایش دستی";
        fa.Save(faPath);
        Assert.Contains(NotebookChecker.Check(faPath), p => p.Where == "cell 1 (id title)" && p.Message.Contains("run 'translate'", StringComparison.Ordinal));
    }
}
