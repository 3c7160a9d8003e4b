using NormDecay.Cli.Export;

namespace NormDecay.Cli.Tests.Export;

public class BidiIsolationTests
{
    private const string Open = "<bdi dir=\"ltr\" class=\"nd-latin nd-keep\">";

    [Fact]
    public void Isolate_LatinInParentheses_IsolatesTheWordsAndLeavesTheParenthesesPersian() =>
        Assert.Equal($"<p>هر مینی‌بچ ({Open}mini-batch</bdi>) یک ماتریس است.</p>",
            BidiIsolation.Isolate("<p>هر مینی‌بچ (mini-batch) یک ماتریس است.</p>", rightToLeft: true));

    [Fact]
    public void Isolate_PersianCommaBetweenLatinNames_IsolatesEachName()
    {
        string html = BidiIsolation.Isolate("<li>PyTorch، Keras، CS231n و d2l</li>", rightToLeft: true);
        Assert.Equal($"<li>{Open}PyTorch</bdi>، {Open}Keras</bdi>، {Open}CS231n</bdi> و {Open}d2l</bdi></li>", html);
    }

    [Fact]
    public void Isolate_MultiWordPhraseWithNumber_IsOneIsolate() =>
        Assert.Contains($"{Open}SIL OFL 1.1</bdi>)؛", BidiIsolation.Isolate("<p>وزیرمتن (SIL OFL 1.1)؛ پروانه</p>", rightToLeft: true), StringComparison.Ordinal);

    [Fact]
    public void Isolate_SentenceFinalPeriod_StaysOutside() =>
        Assert.EndsWith($"{Open}PyTorch</bdi>.</p>", BidiIsolation.Isolate("<p>همان‌طور که در PyTorch.</p>", rightToLeft: true), StringComparison.Ordinal);

    [Fact]
    public void Isolate_CodeMathAndLtrBlocks_AreLeftAlone()
    {
        const string html = "<p>کد <code>x_hat</code> و <span class=\"math\">\\(x_{hat}\\)</span></p><div dir=\"ltr\"><p>plain English</p></div><pre><code>var a</code></pre>";
        Assert.Equal(html, BidiIsolation.Isolate(html, rightToLeft: true));
    }

    [Fact]
    public void Isolate_LeftToRightPage_IsUnchangedExceptRtlBlocks()
    {
        Assert.Equal("<p>plain English</p>", BidiIsolation.Isolate("<p>plain English</p>", rightToLeft: false));
        Assert.Contains($"{Open}BN</bdi>", BidiIsolation.Isolate("<div dir=\"rtl\"><p>با BN</p></div>", rightToLeft: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Isolate_LongLatinRun_MayWrap() =>
        Assert.Contains("<bdi dir=\"ltr\" class=\"nd-latin\">Expected more than 1 value per channel when training</bdi>",
            BidiIsolation.Isolate("<p>خطای «Expected more than 1 value per channel when training» می‌دهد</p>", rightToLeft: true), StringComparison.Ordinal);
}
