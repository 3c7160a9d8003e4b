using AngleSharp.Html.Parser;
using NormDecay.Cli.Export;

namespace NormDecay.Cli.Tests.Export;

public class CSharpHighlighterTests
{
    private static (string Class, string Text)[] Tokens(string code)
    {
        var doc = new HtmlParser().ParseDocument("<pre>" + CSharpHighlighter.Highlight(code) + "</pre>");
        return doc.QuerySelectorAll("span").Select(s => (s.ClassName!, s.TextContent)).ToArray();
    }

    [Fact]
    public void Highlight_AnyCode_KeepsTheTextExactly()
    {
        const string code = "var s = $\"{x} < {y}\" + @\"a\"\"b\" + \"\"\"raw \"q\" \"\"\";\n// <b>not html</b>\nint n = 'c' & 3;";
        var doc = new HtmlParser().ParseDocument("<pre>" + CSharpHighlighter.Highlight(code) + "</pre>");
        Assert.Equal(code, doc.QuerySelector("pre")!.TextContent);
        Assert.Null(doc.QuerySelector("b"));
    }

    [Fact]
    public void Highlight_Statement_MarksKeywordsTypesNumbersStrings()
    {
        var tokens = Tokens("var lr = Math.Pow(0.5, 2e-3) + \"x\";");
        Assert.Contains(("tok-keyword", "var"), tokens);
        Assert.Contains(("tok-type", "Math"), tokens);
        Assert.Contains(("tok-number", "0.5"), tokens);
        Assert.Contains(("tok-number", "2e-3"), tokens);
        Assert.Contains(("tok-string", "\"x\""), tokens);
        Assert.DoesNotContain(tokens, t => t.Text == "lr");
    }

    [Fact]
    public void Highlight_CommentsAndStrings_DoNotLeakKeywords()
    {
        var tokens = Tokens("/* var if */ x = \"new class\"; // return int\n@\"a \"\"for\"\" b\"");
        Assert.Equal([("tok-comment", "/* var if */"), ("tok-string", "\"new class\""), ("tok-comment", "// return int"), ("tok-string", "@\"a \"\"for\"\" b\"")], tokens);
    }

    [Fact]
    public void Highlight_DirectiveAtLineStart_IsADirectiveElsewhereNot()
    {
        var tokens = Tokens("#r \"nuget: Plotly.NET, 6.0.0\"\n  #!csharp\nx = a#b;");
        Assert.Equal(("tok-directive", "#r \"nuget: Plotly.NET, 6.0.0\""), tokens[0]);
        Assert.Equal(("tok-directive", "#!csharp"), tokens[1]);
        Assert.Equal(2, tokens.Count(t => t.Class == "tok-directive"));
    }

    [Fact]
    public void Highlight_UnterminatedString_EndsAtTheLineEnd()
    {
        var tokens = Tokens("var s = \"open\nvar t = 1;");
        Assert.Equal(("tok-string", "\"open\n"), tokens[1]);
        Assert.Contains(("tok-number", "1"), tokens);
    }

    [Fact]
    public void Highlight_RangeAfterNumber_EndsTheNumberBeforeTheDots()
    {
        var tokens = Tokens("var tail = xs[^200..]; var mid = xs[1..3]; double d = 1.5e-3;");
        Assert.Contains(("tok-number", "200"), tokens);
        Assert.Contains(("tok-number", "1"), tokens);
        Assert.Contains(("tok-number", "3"), tokens);
        Assert.Contains(("tok-number", "1.5e-3"), tokens);
        Assert.DoesNotContain(tokens, t => t.Text.Contains("..", StringComparison.Ordinal));
    }
}
