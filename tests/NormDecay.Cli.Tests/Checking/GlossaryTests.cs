using NormDecay.Cli.Checking;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;
using NormDecay.Cli.Tests.Translation;
using NormDecay.Cli.Translation;

namespace NormDecay.Cli.Tests.Checking;

public class GlossaryTests
{
    internal static string RepositoryGlossaryPath => Path.Combine(Repo.Root, "notebooks", "i18n", "fa", Glossary.FileName);

    private static readonly Glossary Course = Glossary.Load(RepositoryGlossaryPath);

    [Theory]
    [InlineData("میانگین و واریانس هر دسته را حساب می‌کنیم.", "دسته", "مینی‌بچ")]
    [InlineData("با آمار مینی‌بچ آزمون نرمال می‌شود.", "آمار", "آماره")]
    [InlineData("به‌جای آماره‌های خود مینی‌بچ با میانگین جاری نرمال کنید.", "میانگین جاری", "میانگین متحرک")]
    [InlineData("واریانس جاری پس از چند مینی‌بچ", "واریانس جاری", "میانگین متحرک")]
    [InlineData("گرادیان مینی‌بچ نویزی است.", "نویز", "نوفه")]
    [InlineData("این‌جا تلورانسی در حد ۱۰ به توان منفی ۶ لازم است.", "تلورانس", "رواداری")]
    [InlineData("با ۱۰ کلاس و تقسیم ۸۰/۲۰", "۱۰ کلاس", "رده")]
    [InlineData("تمرین ۲ با آماره‌های متحرک ادامه می‌یابد.", "تمرین ۲", "تکلیف")]
    [InlineData("اسلایدر را حرکت دهید.", "اسلایدر", "لغزنده")]
    [InlineData("به محور عمودی دقت کنید.", "دقت کنید", "توجه کنید")]
    public void Find_StrayVariant_NamesVariantAndTerm(string text, string variant, string term)
    {
        GlossaryHit hit = Assert.Single(Course.Find(text));
        Assert.Equal(variant, hit.Matched);
        Assert.StartsWith(term, hit.Entry.Term, StringComparison.Ordinal);
        Assert.Contains($"«{variant}»", hit.ToString(), StringComparison.Ordinal);
        Assert.Contains($"use «{hit.Entry.Term}»", hit.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("نرمال‌سازی دسته‌ای (Batch Normalization) هر ویژگی را نرمال می‌کند.")]
    [InlineData("لایهٔ نرمال‌سازی دسته‌ایِ دوم با اندازهٔ دسته و اندازه‌های دستهٔ دیگر")]
    [InlineData("آماره‌های مینی‌بچ، آمارهٔ جامعه و نوسان آماری")]
    [InlineData("کتابخانهٔ دوره و کتابخانه‌ها")]
    [InlineData("نرخ جاری و مرحلهٔ جاری")]
    [InlineData("در این تمرین یک تابع می‌نویسید.")]
    [InlineData("کلاس `Warmup` کتابخانه و پنج کلاس کتابخانه")]
    public void Find_LegitimateUse_NoHit(string text) => Assert.Empty(Course.Find(text));

    [Fact]
    public void Find_VariantInCodeOrMath_NoHit() =>
        Assert.Empty(Course.Find("در `var دسته = 1;` و $\\text{آمار}$ و\n\n```\nنویز\n```\n"));

    [Fact]
    public void Find_AssignmentScope_RejectsExerciseWordOnlyInAssignments()
    {
        const string text = "## این تمرین چطور کار می‌کند";
        Assert.Empty(Course.Find(text, assignment: false));
        Assert.Equal("تمرین", Assert.Single(Course.Find(text, assignment: true)).Matched);
    }

    [Fact]
    public void Load_AllowedPhraseWithoutItsVariant_IsRejected()
    {
        string path = Path.Combine(Repo.NewCourse(), "glossary.json");
        File.WriteAllText(path, """{ "terms": [ { "concept": "mini-batch", "term": "مینی‌بچ", "variants": [ { "text": "دسته", "allowedIn": ["اندازه"] } ] } ] }""");
        var e = Assert.Throws<InvalidDataException>(() => Glossary.Load(path));
        Assert.Contains("«اندازه»", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VariantWithTextAndPattern_IsRejected()
    {
        string path = Path.Combine(Repo.NewCourse(), "glossary.json");
        File.WriteAllText(path, """{ "terms": [ { "concept": "x", "term": "ی", "variants": [ { "text": "a", "pattern": "b" } ] } ] }""");
        Assert.Throws<InvalidDataException>(() => Glossary.Load(path));
    }

    [Fact]
    public void Load_RepositoryGlossary_HoldsTheIssueVariants()
    {
        Assert.Contains(Course.Entries, e => e.Term == "مینی‌بچ" && e.Variants.Any(v => v.Display == "دسته"));
        Assert.Contains(Course.Entries, e => e.Term == "تکلیف");
        Assert.Contains(Course.Entries, e => e.Term.StartsWith("نوفه", StringComparison.Ordinal) && e.Variants.Any(v => v.Display == "نویز"));
        Assert.Contains(Course.Entries, e => e.Term.StartsWith("آماره", StringComparison.Ordinal));
    }

    private static (string En, string Fa) PersianCourse(string notebookName, string persianText)
    {
        string course = Repo.NewCourse();
        string en = Path.Combine(course, "notebooks", "en", notebookName);
        Repo.Notebook("1").Save(en);
        File.Copy(RepositoryGlossaryPath, Path.Combine(course, "notebooks", "i18n", "fa", Glossary.FileName));
        TranslationFile t = TranslationTestData.WriteTranslation(en, "fa");
        t.Cells["next"] = t.Cells["next"] with { Text = persianText };
        t.Save(CoursePaths.TranslationFile(en, "fa"));
        string fa = CoursePaths.Counterpart(en, "fa");
        Translator.Translate(NotebookFile.Load(en), TranslationFile.Load(CoursePaths.TranslationFile(en, "fa"))).Save(fa);
        return (en, fa);
    }

    [Fact]
    public void Check_StrayVariantInTranslation_NamesFileCellVariantAndTerm()
    {
        var (_, fa) = PersianCourse("01-test.ipynb", "## گام بعد\n\nمیانگین جاری را با آمار دسته مقایسه کنید.");
        var problems = NotebookChecker.Check(fa);
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal("id next", p.Where));
        Assert.All(problems, p => Assert.Contains("translation (01-test.json): glossary:", p.Message, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("«میانگین جاری»", StringComparison.Ordinal) && p.Message.Contains("use «میانگین متحرک", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("«آمار»", StringComparison.Ordinal) && p.Message.Contains("use «آماره", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("«دسته»", StringComparison.Ordinal) && p.Message.Contains("use «مینی‌بچ»", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_GlossaryTermsOnly_Passes()
    {
        var (_, fa) = PersianCourse("01-test.ipynb", "## بعد از این چه چیزی را امتحان کنید\n\nمیانگین متحرک را با آماره‌های مینی‌بچ در نرمال‌سازی دسته‌ای با اندازهٔ دستهٔ ۳۲ مقایسه کنید.");
        Assert.Empty(NotebookChecker.Check(fa));
    }

    [Fact]
    public void Check_ExerciseWordInAssignment_IsRejected()
    {
        var (_, lesson) = PersianCourse("01-test.ipynb", "## این تمرین");
        Assert.Empty(NotebookChecker.Check(lesson));
        var (_, assignment) = PersianCourse("a1-test.ipynb", "## این تمرین");
        Assert.Contains(NotebookChecker.Check(assignment), p => p.Message.Contains("«تمرین»", StringComparison.Ordinal) && p.Message.Contains("use «تکلیف»", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_TypographyInTranslation_IsReported()
    {
        var (_, fa) = PersianCourse("01-test.ipynb", "## يک درس\n\nتقسیم 80/20 روی ۱۰ رده, بعد");
        var problems = NotebookChecker.Check(fa).Select(p => p.Message).ToList();
        Assert.Contains(problems, m => m.Contains("Arabic yeh", StringComparison.Ordinal));
        Assert.Contains(problems, m => m.Contains("Latin digits «80/20»", StringComparison.Ordinal) && m.Contains("۸۰/۲۰", StringComparison.Ordinal));
        Assert.Contains(problems, m => m.Contains("Latin «,»", StringComparison.Ordinal) && m.Contains("«،»", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RepositoryNotebooks_HaveNoStrayVariant()
    {
        var problems = NotebookChecker.CheckAll([Path.Combine(Repo.Root, "notebooks", "fa")])
            .Where(p => p.Message.Contains("glossary:", StringComparison.Ordinal) || p.Message.Contains("typography:", StringComparison.Ordinal));
        Assert.Empty(problems);
    }
}
