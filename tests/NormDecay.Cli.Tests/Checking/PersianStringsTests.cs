using System.Text.Json;
using System.Text.RegularExpressions;
using NormDecay.Cli.Checking;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Tests.Support;
using NormDecay.Notebook;

namespace NormDecay.Cli.Tests.Checking;

/// <summary>The glossary and typography rules over the Persian text that lives outside the notebooks.</summary>
public partial class PersianStringsTests
{
    private static readonly Glossary Course = Glossary.Load(GlossaryTests.RepositoryGlossaryPath);

    private static List<string> Problems(IEnumerable<(string Where, string Text)> strings, bool assignment, bool latinDigits = false)
    {
        var problems = new List<string>();
        foreach (var (where, text) in strings)
        {
            string prose = Placeholder().Replace(text, " ");
            problems.AddRange(Course.Find(prose, assignment).Select(h => $"{where}: {h}"));
            problems.AddRange(PersianTypography.Problems(prose).Where(p => !latinDigits || !p.Contains("Latin digits", StringComparison.Ordinal)).Select(p => $"{where}: {p}"));
        }

        return problems;
    }

    [Fact]
    public void ChartStrings_Persian_UseGlossaryTerms()
    {
        using JsonDocument fa = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "src", "NormDecay.Charts", "Text", "strings.fa.json")));
        var strings = fa.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).ToList();
        Assert.NotEmpty(strings);
        // Chart labels keep Latin digits, like the ticks and the values plotly inserts (ChartTextTests).
        Assert.Empty(Problems(strings, assignment: false, latinDigits: true));
    }

    [Fact]
    public void ToolStrings_Persian_UseGlossaryTerms()
    {
        // The site's interface and the grader's feedback: every entry of the tool's Persian table, read from the source file.
        using JsonDocument fa = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "src", "NormDecay.Cli", "Text", "strings.fa.json")));
        var strings = fa.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).ToList();
        Assert.Contains(strings, s => s.Name.StartsWith("site.", StringComparison.Ordinal));
        Assert.Contains(strings, s => s.Name.StartsWith("feedback.", StringComparison.Ordinal));
        Assert.Empty(Problems(strings, assignment: true));
    }

    [Fact]
    public void FeedbackText_Persian_UseGlossaryTerms()
    {
        var sentences = Enum.GetValues<FeedbackKey>().Select(k => (k.ToString(), FeedbackText.Format(k, "x", "fa")));
        var labels = FeedbackText.LabelNames.Select(l => (l, FeedbackText.Label(l, "fa")));
        Assert.Empty(Problems(sentences.Concat(labels), assignment: true));
    }

    [Fact]
    public void FeedbackText_NumericArgument_IsWrittenInPersianDigits()
    {
        Assert.Contains("(۱۲۰ واژه)", FeedbackText.Format(FeedbackKey.ManualAnswered, "120", "fa"), StringComparison.Ordinal);
        Assert.Contains("(120 words)", FeedbackText.Format(FeedbackKey.ManualAnswered, "120", "en"), StringComparison.Ordinal);
        Assert.Contains("dgamma 0.25", FeedbackText.Format(FeedbackKey.Failed, "dgamma 0.25", "fa"), StringComparison.Ordinal);
    }

    [Fact]
    public void ComparisonTable_PersianHeaders_UseGlossaryTerms()
    {
        string html = new ComparisonTable().Add("x", 1.0, 1.0).ToHtml("fa");
        string text = Tag().Replace(html, " ");
        Assert.Contains("بیشترین اختلاف", text, StringComparison.Ordinal);
        Assert.Empty(Problems([("ComparisonTable", Regex.Replace(text, "[0-9.e+x-]+", " "))], assignment: false));
    }

    [Fact]
    public void PersianReadme_UsesGlossaryTerms() =>
        Assert.Empty(Problems([("README.fa.md", File.ReadAllText(Path.Combine(Repo.Root, "README.fa.md")))], assignment: false));

    [GeneratedRegex(@"\{[0-9][^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
