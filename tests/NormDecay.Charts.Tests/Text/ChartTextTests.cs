using System.Text.Json;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Text;

public class ChartTextTests
{
    public static TheoryData<string> AllKeys()
    {
        var data = new TheoryData<string>();
        foreach (var key in ChartText.Keys)
        {
            data.Add(key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Get_EveryKey_HasTextInEveryLanguage(string key)
    {
        foreach (var language in CourseLanguage.Supported)
        {
            Assert.True(ChartText.Has(key, language), $"key '{key}' has no '{language}' text");
            Assert.False(string.IsNullOrWhiteSpace(ChartText.Get(key, language)));
        }
    }

    [Fact]
    public void Tables_SourceFiles_HaveTheSameKeysInTheSameOrder()
    {
        // Reads the JSON files in the source tree (not the embedded copies) so the failure points at the file to edit.
        var dir = Path.Combine(RepoRoot(), "src", "NormDecay.Charts", "Text");
        var en = Keys(Path.Combine(dir, "strings.en.json"));
        var fa = Keys(Path.Combine(dir, "strings.fa.json"));
        Assert.Equal(en, fa);
        Assert.Equal(en.Length, en.Distinct().Count());
        Assert.True(en.Length >= 80, $"only {en.Length} keys");
    }

    [Fact]
    public void Get_PersianText_UsesPersianLettersLatinDigitsAndNoLatex()
    {
        foreach (var key in ChartText.Keys)
        {
            var fa = ChartText.Get(key, "fa");
            Assert.DoesNotContain('\u064A', fa); // Arabic yeh
            Assert.DoesNotContain('\u0643', fa); // Arabic kaf
            Assert.DoesNotContain(fa, c => c is >= '\u06F0' and <= '\u06F9' || c is >= '\u0660' and <= '\u0669'); // digits stay Latin in charts
            Assert.DoesNotContain('$', fa);
            Assert.DoesNotContain('\\', fa);
            Assert.DoesNotContain('$', ChartText.Get(key, "en"));
            Assert.DoesNotContain('\\', ChartText.Get(key, "en"));
            var words = System.Text.RegularExpressions.Regex.Replace(ChartText.Get(key, "en"), @"\{\d+(:[^}]*)?\}", "");
            if (!key.StartsWith("axis.w", StringComparison.Ordinal) && !key.StartsWith("colorbar.logLoss", StringComparison.Ordinal) && words.Any(char.IsLetter))
            {
                Assert.Contains(fa, c => c is >= '\u0600' and <= '\u06FF'); // every Persian label is actually Persian
            }
        }
    }

    [Theory]
    [InlineData("axis.seconds", "سپری\u200Cشده")]
    [InlineData("legend.withBn", "نرمال\u200Cسازی دسته\u200Cای")]
    [InlineData("axis.learningRate", "نرخ یادگیری")]
    [InlineData("title.schedules", "زمان\u200Cبندی\u200Cهای نرخ یادگیری")]
    public void Get_Compounds_UseZeroWidthNonJoinerAndGlossaryTerms(string key, string expectedPart) =>
        Assert.Contains(expectedPart, ChartText.Get(key, "fa"), StringComparison.Ordinal);

    [Fact]
    public void Get_UnknownKey_ThrowsNamingKeyAndLanguage()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => ChartText.Get("axis.nope", "fa"));
        Assert.Contains("'axis.nope'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'fa'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("axis.epoch", ex.Message, StringComparison.Ordinal); // suggests keys like it
    }

    [Fact]
    public void Get_UnknownLanguage_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => ChartText.Get("axis.epoch", "de"));
        Assert.Contains("'de'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ChartText.Use("ar"));
    }

    [Fact]
    public void Use_Scope_SwitchesLanguageAndRestoresIt()
    {
        var before = ChartText.Language;
        using (ChartText.Use("fa"))
        {
            Assert.Equal("fa", ChartText.Language);
            Assert.True(ChartText.IsRightToLeft);
            Assert.Equal("ایپاک", ChartText.Get("axis.epoch"));
            using (ChartText.Use("en"))
            {
                Assert.Equal("Epoch", ChartText.Get("axis.epoch"));
            }

            Assert.Equal("fa", ChartText.Language);
        }

        Assert.Equal(before, ChartText.Language);
    }

    [Fact]
    public void Format_Number_KeepsLatinDigitsAndInvariantDecimalPoint()
    {
        using var _ = ChartText.Use("fa");
        Assert.Equal("ایپاک 12", ChartText.Format("format.epochN", 12));
        Assert.Equal("نرخ یادگیری = 0.05", ChartText.Format("format.learningRateEq", 0.05));
        using (ChartText.Use("en"))
        {
            Assert.Equal("lr = 0.05", ChartLabel.Format("format.learningRateEq", 0.05).Resolve());
        }
    }

    [Fact]
    public void ChartLabel_TextAndKey_ResolveAsGiven()
    {
        using var _ = ChartText.Use("fa");
        Assert.Equal("alcohol", ChartLabel.Text("alcohol").Resolve());
        ChartLabel key = "axis.loss";
        Assert.Equal("تابع هزینه", key.Resolve());
        Assert.Equal("", ChartLabel.None.Resolve());
    }

    private static string[] Keys(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "src", "NormDecay.Charts", "NormDecay.Charts.csproj")))
        {
            dir = dir.Parent;
        }

        // Artifacts may live outside the tree (ArtifactsPath); fall back to the source path compiled into this file.
        return dir?.FullName ?? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourcePath())!, "..", "..", ".."));
    }

    private static string SourcePath([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
