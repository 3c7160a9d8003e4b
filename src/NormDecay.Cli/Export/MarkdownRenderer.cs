using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Markdig.Extensions.Mathematics;

namespace NormDecay.Cli.Export;

/// <summary>
/// Markdown cells to HTML with Markdig. LaTeX is kept intact: inline <c>$…$</c> becomes
/// <c>&lt;span class="math"&gt;\(…\)&lt;/span&gt;</c> and display <c>$$…$$</c> becomes
/// <c>&lt;div class="math"&gt;\[…\]&lt;/div&gt;</c>, which the page's script typesets with KaTeX. A display formula
/// written on one line (<c>$$x$$</c>) is display math too: see <see cref="DisplayMathExtension"/>.
/// Raw HTML (such as the Persian <c>&lt;div dir="rtl" lang="fa"&gt;</c> wrapper) passes through and is sanitized afterwards.
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseMathematics()
        .Use<DisplayMathExtension>()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    /// <summary>Renders <paramref name="markdown"/> to an HTML fragment (not yet sanitized).</summary>
    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>The plain text of the first heading in <paramref name="markdown"/> (any level), or null when there is none.</summary>
    public static string? FirstHeading(string markdown)
    {
        MarkdownDocument doc = Markdown.Parse(markdown, Pipeline);
        HeadingBlock? heading = doc.Descendants<HeadingBlock>().FirstOrDefault();
        if (heading?.Inline is null)
        {
            return null;
        }

        var sb = new StringBuilder();
        AppendPlain(heading.Inline, sb);
        string text = sb.ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    private static void AppendPlain(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case MathInline math:
                sb.Append(math.Content.ToString());
                break;
            case LineBreakInline:
                sb.Append(' ');
                break;
            case ContainerInline container:
                foreach (Inline child in container)
                {
                    AppendPlain(child, sb);
                }

                break;
        }
    }
}
