using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NormDecay.Cli.Export;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;
using Xunit.Abstractions;

namespace NormDecay.Cli.Tests.Export;

/// <summary>
/// Measures the hand-written highlighter against Roslyn's C# lexer (the compiler's own tokens, the maintained reference)
/// on every code cell of the course: each comment, string, character and number literal and each reserved keyword Roslyn
/// finds must be one span of ours with the same class and the same text. docs/architecture.md quotes the counts.
/// </summary>
public class CSharpHighlighterRoslynTests(ITestOutputHelper output)
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    [Fact]
    public void Highlight_EveryCourseCodeCell_AgreesWithRoslynsLexer()
    {
        var expected = new Dictionary<string, int>();
        var matched = new Dictionary<string, int>();
        var misses = new List<string>();
        int cells = 0;
        foreach (string path in Directory.EnumerateFiles(Path.Combine(Repo.Root, "notebooks", "en"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            foreach (NotebookCell cell in NotebookFile.Load(path).Cells.Where(c => c.IsCode))
            {
                cells++;
                string code = cell.Source.TrimEnd();
                HashSet<(int Start, int Length, string Class)> ours = Spans(CSharpHighlighter.Highlight(code));
                foreach ((int start, int length, string cls) in RoslynSpans(code))
                {
                    expected[cls] = expected.GetValueOrDefault(cls) + 1;
                    if (ours.Contains((start, length, cls)))
                    {
                        matched[cls] = matched.GetValueOrDefault(cls) + 1;
                    }
                    else if (misses.Count < 20)
                    {
                        misses.Add($"{Path.GetFileName(path)} {cell.Id}: {cls} '{code.Substring(start, length)}'");
                    }
                }
            }
        }

        foreach (string cls in expected.Keys.Order(StringComparer.Ordinal))
        {
            output.WriteLine($"{cls}: {matched.GetValueOrDefault(cls)} of {expected[cls]} Roslyn tokens in {cells} code cells");
        }

        Assert.True(cells > 100, $"only {cells} code cells found");
        Assert.True(expected.GetValueOrDefault("tok-keyword") > 500, "too few keywords: is the course there?");
        Assert.True(misses.Count == 0, string.Join("\n", misses));
    }

    // Roslyn's classes for the categories both colour; directive lines (#r, #!csharp) are blanked first, as the kernel strips them.
    private static IEnumerable<(int Start, int Length, string Class)> RoslynSpans(string code)
    {
        string lexed = string.Join('\n', code.Split('\n').Select(l => l.TrimStart().StartsWith('#') ? new string(' ', l.Length) : l));
        int interpolatedStart = -1;
        foreach (SyntaxToken token in SyntaxFactory.ParseTokens(lexed, options: Script))
        {
            foreach (SyntaxTrivia trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    yield return (trivia.SpanStart, trivia.Span.Length, "tok-comment");
                }
            }

            SyntaxKind kind = token.Kind();
            if (kind is SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedVerbatimStringStartToken or SyntaxKind.InterpolatedSingleLineRawStringStartToken or SyntaxKind.InterpolatedMultiLineRawStringStartToken)
            {
                interpolatedStart = token.SpanStart; // ours colours an interpolated string whole, holes included
            }
            else if (kind is SyntaxKind.InterpolatedStringEndToken or SyntaxKind.InterpolatedRawStringEndToken && interpolatedStart >= 0)
            {
                yield return (interpolatedStart, token.Span.End - interpolatedStart, "tok-string");
                interpolatedStart = -1;
            }
            else if (interpolatedStart >= 0)
            {
                continue;
            }
            else if (kind is SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8StringLiteralToken)
            {
                yield return (token.SpanStart, token.Span.Length, "tok-string");
            }
            else if (kind == SyntaxKind.NumericLiteralToken)
            {
                yield return (token.SpanStart, token.Span.Length, "tok-number");
            }
            else if (SyntaxFacts.IsReservedKeyword(kind))
            {
                yield return (token.SpanStart, token.Span.Length, "tok-keyword");
            }
        }
    }

    private static HashSet<(int Start, int Length, string Class)> Spans(string html)
    {
        var spans = new HashSet<(int, int, string)>();
        IElement pre = new HtmlParser().ParseDocument("<pre>" + html + "</pre>").QuerySelector("pre")!;
        int offset = 0;
        foreach (INode node in pre.ChildNodes)
        {
            string text = node.TextContent;
            if (node is IElement span)
            {
                spans.Add((offset, text.Length, span.ClassName ?? ""));
            }

            offset += text.Length;
        }

        return spans;
    }
}
