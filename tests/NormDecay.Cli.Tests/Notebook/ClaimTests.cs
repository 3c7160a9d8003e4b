using NormDecay.Charts.Text;
using NormDecay.Notebook;

namespace NormDecay.Cli.Tests.Notebook;

public class ClaimTests
{
    [Fact]
    public void That_ConditionHolds_PrintsTickedSentenceWithValues()
    {
        using var _ = ChartText.Use("en");
        var output = new StringWriter();
        TextWriter previous = Console.Out;
        Console.SetOut(output);
        try
        {
            Claim.That("claim.fromScratchMatchesLibrary", true, "xHat", 1.8e-15);
        }
        finally
        {
            Console.SetOut(previous);
        }

        Assert.Equal("\u2713 The from-scratch xHat matches the library's: largest difference 1.8e-15", output.ToString().Trim());
    }

    [Fact]
    public void That_ConditionFalse_ThrowsWithTheSentence()
    {
        using var _ = ChartText.Use("en");
        var e = Assert.Throws<ClaimFailedException>(() => Claim.That("claim.fromScratchMatchesLibrary", false, "xHat", 0.5));
        Assert.Contains("claim.fromScratchMatchesLibrary", e.Message);
        Assert.Contains("largest difference 5e-01", e.Message);
        Assert.False(e.Claim.Holds);
    }

    [Fact]
    public void That_Persian_UsesThePersianSentenceAndRightToLeftHtml()
    {
        using var _ = ChartText.Use("fa");
        var e = Assert.Throws<ClaimFailedException>(() => Claim.That("claim.fromScratchMatchesLibrary", false, "xHat", 0.5));
        Assert.Contains("کتابخانه", e.Claim.Text);
        Assert.Contains("dir=\"rtl\"", e.Claim.ToHtml());
        Assert.Contains("<bdi dir=\"rtl\"", e.Claim.ToHtml()); // the sentence is right to left inside, not guessed from its first letter
    }

    [Fact]
    public void ToHtml_Persian_IsolatesEachValueLeftToRight_PlainTextUnchanged()
    {
        using (ChartText.Use("fa"))
        {
            var e = Assert.Throws<ClaimFailedException>(() => Claim.That("claim.fromScratchMatchesLibrary", false, "BatchNorm2d", 5.329e-15));
            string html = e.Claim.ToHtml();
            Assert.Contains("\u2066BatchNorm2d\u2069", html, StringComparison.Ordinal); // LRI ... PDI around each value
            Assert.Contains("\u20665.3e-15\u2069", html, StringComparison.Ordinal); // the number stays one left-to-right piece
            Assert.DoesNotContain("\u2066", e.Claim.Text, StringComparison.Ordinal); // the sentence itself (messages, stdout) has no marks
            Assert.Contains("5.3e-15", e.Claim.Text, StringComparison.Ordinal);
        }

        var english = Assert.Throws<ClaimFailedException>(() => Claim.That("claim.fromScratchMatchesLibrary", false, "BatchNorm2d", 5.329e-15));
        Assert.DoesNotContain("\u2066", english.Claim.ToHtml(), StringComparison.Ordinal); // left-to-right pages need none
    }

    [Fact]
    public void That_KeyWithoutPrefix_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Claim.That("axis.epoch", true));
        Assert.Contains("claim.", e.Message);
    }

    [Fact]
    public void That_UnknownKey_ThrowsNamingIt()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Claim.That("claim.noSuchClaim", true));
        Assert.Contains("claim.noSuchClaim", e.Message);
    }

    [Fact]
    public void EveryClaimKey_FormatsInBothLanguages()
    {
        foreach (string key in ChartText.Keys.Where(k => k.StartsWith(Claim.KeyPrefix, StringComparison.Ordinal)))
        {
            foreach (string language in CourseLanguage.Supported)
            {
                string text = ChartText.Get(key, language);
                int items = System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)").Select(m => int.Parse(m.Groups[1].Value) + 1).DefaultIfEmpty(0).Max();
                object[] args = Enumerable.Repeat<object>(1.5, items).ToArray();
                Assert.False(string.IsNullOrWhiteSpace(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args)), key);
            }
        }
    }
}
