using MathNet.Numerics.LinearAlgebra;
using NormDecay.Notebook;

namespace NormDecay.Cli.Tests.Notebook;

public class ComparisonTableTests
{
    [Fact]
    public void Add_EqualVectors_AreExact()
    {
        ComparisonRow row = Assert.Single(new ComparisonTable().Add("x", [1.0, 2.0], [1.0, 2.0]).Rows);
        Assert.True(row.Exact);
        Assert.True(row.Approximate);
        Assert.Equal(0, row.MaxDifference);
        Assert.Equal(-1, row.WorstIndex);
    }

    [Fact]
    public void Add_SmallDifference_IsApproxWithMaxDiffAndPosition()
    {
        var t = new ComparisonTable(1e-6).Add("x", [1.0, 2.0, 3.0], [1.0, 2.0 + 1e-9, 3.0 - 1e-7]);
        ComparisonRow row = t.Rows[0];
        Assert.False(row.Exact);
        Assert.True(row.Approximate);
        Assert.Equal(1e-7, row.MaxDifference, 1e-12);
        Assert.Equal(2, row.WorstIndex);
        Assert.True(t.AllClose);
    }

    [Fact]
    public void Add_Matrices_ReportsRowMajorWorstIndexAndShape()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = a.Clone();
        b[1, 0] = 3.5;
        ComparisonRow row = new ComparisonTable().Add("m", a, b).Rows[0];
        Assert.Equal("2x2", row.Shape);
        Assert.Equal(2, row.WorstIndex);
        Assert.False(row.Approximate);
    }

    [Fact]
    public void Add_NaNAgainstNumber_IsInfiniteDifference()
    {
        ComparisonRow row = new ComparisonTable().Add("x", [double.NaN, 1.0], [0.0, 1.0]).Rows[0];
        Assert.Equal(double.PositiveInfinity, row.MaxDifference);
        Assert.Equal(0, row.WorstIndex);
        Assert.False(row.Approximate);
    }

    [Fact]
    public void Add_ShapeMismatch_NamesBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => new ComparisonTable().Add("xHat", Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(3, 2)));
        Assert.Contains("'xHat': actual is 2x3 but expected is 3x2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Persian_IsRightToLeftWithPersianHeaders()
    {
        var t = new ComparisonTable().Add("x<y", 1.0, 1.0);
        string fa = t.ToHtml("fa");
        Assert.Contains("dir=\"rtl\"", fa, StringComparison.Ordinal);
        Assert.Contains("بیشترین اختلاف", fa, StringComparison.Ordinal);
        Assert.Contains("x&lt;y", fa, StringComparison.Ordinal);
        Assert.Contains("max |diff|", t.ToHtml("en"), StringComparison.Ordinal);
        Assert.Contains("x<y", t.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "yes", "no")]
    [InlineData("fa", "بله", "خیر")]
    public void ToHtml_ApproxColumn_UsesLocalizedWordsAndNoEmojiOrDingbat(string language, string yes, string no)
    {
        string html = new ComparisonTable().Add("same", 1.0, 1.0).Add("off", 1.0, 2.0).ToHtml(language);

        // Headless Chromium here has no emoji font: U+2600-U+27BF (✅ ❌ ✓ ✗ …) and astral symbols draw as empty boxes.
        foreach (char c in html)
        {
            Assert.False(char.IsSurrogate(c), $"U+{(int)c:X4} in {language} table is part of an astral (emoji) character.");
            Assert.False(c is >= '\u2600' and <= '\u27BF', $"U+{(int)c:X4} in {language} table is a symbol/dingbat without a font here.");
        }

        Assert.Matches($"<td[^>]*data-pass=\"true\"[^>]*><strong>{yes}</strong></td>", html);
        Assert.Matches($"<td[^>]*data-pass=\"false\"[^>]*><strong>{no}</strong></td>", html);
    }

    [Fact]
    public void ToHtml_ApproxColumn_PassAndFailAreColouredDifferently()
    {
        string html = new ComparisonTable().Add("same", 1.0, 1.0).Add("off", 1.0, 2.0).ToHtml("en");
        string pass = Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-pass=\"true\" style=\"([^\"]+)\"")).Groups[1].Value;
        string fail = Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-pass=\"false\" style=\"([^\"]+)\"")).Groups[1].Value;
        Assert.Contains("color:", pass, StringComparison.Ordinal);
        Assert.NotEqual(pass, fail);
    }

    [Fact]
    public void Constructor_NegativeTolerance_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComparisonTable(-1));
}
