using System.Text.Json;
using NormDecay.Charts.Text;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Export;
using NormDecay.Cli.Tests.Support;
using NormDecay.Cli.Text;

namespace NormDecay.Cli.Tests.Text;

public class ToolTextTests
{
    private static string[] Keys(string language)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "src", "NormDecay.Cli", "Text", $"strings.{language}.json")));
        return [.. doc.RootElement.EnumerateObject().Select(p => p.Name)];
    }

    [Fact]
    public void Tables_SourceFiles_HaveTheSameKeysInTheSameOrder()
    {
        string[] en = Keys(CourseLanguage.English);
        foreach (string language in CourseLanguage.Supported)
        {
            Assert.Equal(en, Keys(language));
        }

        Assert.Equal(en.Length, en.Distinct().Count());
        Assert.Equal(en.Order(StringComparer.Ordinal), ToolText.Table.Keys); // the embedded copy is the source file
    }

    [Fact]
    public void Format_EveryFeedbackKey_HasASentenceWithItsArgumentInEveryLanguage()
    {
        foreach (string language in CourseLanguage.Supported)
        {
            foreach (FeedbackKey key in Enum.GetValues<FeedbackKey>())
            {
                Assert.True(ToolText.Table.Has(FeedbackText.SentenceKey(key), language), $"{FeedbackText.SentenceKey(key)} has no '{language}' text");
                string sentence = FeedbackText.Format(key, "ARG-7x", language);
                Assert.False(sentence.Contains("{0}", StringComparison.Ordinal), sentence);
                if (key != FeedbackKey.Passed)
                {
                    Assert.Contains("ARG-7x", sentence, StringComparison.Ordinal);
                }
            }

            Assert.All(FeedbackText.LabelNames, l => Assert.False(string.IsNullOrWhiteSpace(FeedbackText.Label(l, language))));
        }
    }

    [Fact]
    public void Label_UnknownName_ThrowsNamingKeyAndFile()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => FeedbackText.Label("nope", "fa"));
        Assert.Contains("'feedback.page.nope'", e.Message, StringComparison.Ordinal);
        Assert.Contains("src/NormDecay.Cli/Text/strings", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SiteStrings_For_ReadsTheTableAndFallsBackToEnglish()
    {
        Assert.Equal("فهرست", SiteStrings.For("fa").Contents);
        Assert.Equal("Contents", SiteStrings.For("en").Contents);
        Assert.Equal(SiteStrings.For("en"), SiteStrings.For("de"));
        Assert.Equal(ToolText.Get("site.footer", "fa"), SiteStrings.For("fa").Footer);
    }
}
