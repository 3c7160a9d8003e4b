using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NormDecay.Cli.Export;

/// <summary>
/// Makes a one-line <c>$$…$$</c> display math. Markdig only treats <c>$$</c> on a line of its own as a math block;
/// <c>$$x$$</c> written on one line is parsed as a <see cref="MathInline"/> with two delimiters and rendered
/// inline (<c>\(…\)</c>), which shrinks a lesson's headline formula into the sentence. With this extension:
/// <list type="bullet">
/// <item>a paragraph holding only <c>$$x$$</c> becomes <c>&lt;div class="math"&gt;\[x\]&lt;/div&gt;</c>, exactly like a multi-line block;</item>
/// <item><c>$$x$$</c> inside a sentence becomes <c>&lt;span class="math"&gt;\[x\]&lt;/span&gt;</c>, which site.js typesets in display mode;</item>
/// <item><c>$x$</c> stays <c>&lt;span class="math"&gt;\(x\)&lt;/span&gt;</c>.</item>
/// </list>
/// Register it after <c>UseMathematics()</c>: it replaces the renderers that extension installs.
/// </summary>
internal sealed class DisplayMathExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
        {
            return;
        }

        if (!html.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new MathInlineRenderer()))
        {
            throw new InvalidOperationException("DisplayMathExtension must be registered after UseMathematics(): no HtmlMathInlineRenderer to replace.");
        }

        html.ObjectRenderers.Replace<ParagraphRenderer>(new MathParagraphRenderer());
    }

    /// <summary>True for <c>$$…$$</c> parsed inline (two or more delimiters).</summary>
    private static bool IsDisplay(MathInline math) => math.DelimiterCount >= 2;

    /// <summary>The paragraph's only content, when that is a one-line display formula; otherwise null.</summary>
    private static MathInline? LoneDisplayMath(ParagraphBlock paragraph)
    {
        MathInline? found = null;
        for (Inline? child = paragraph.Inline?.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case MathInline math when found is null && IsDisplay(math):
                    found = math;
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
                    break;
                default:
                    return null;
            }
        }

        return found;
    }

    private static void WriteTex(HtmlRenderer renderer, MathInline math)
    {
        if (renderer.EnableHtmlEscape)
        {
            renderer.WriteEscape(ref math.Content);
        }
        else
        {
            renderer.Write(ref math.Content);
        }
    }

    private sealed class MathInlineRenderer : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline obj)
        {
            bool display = IsDisplay(obj);
            if (renderer.EnableHtmlForInline)
            {
                renderer.Write("<span").WriteAttributes(obj).Write(display ? ">\\[" : ">\\(");
            }

            WriteTex(renderer, obj);
            if (renderer.EnableHtmlForInline)
            {
                renderer.Write(display ? "\\]</span>" : "\\)</span>");
            }
        }
    }

    private sealed class MathParagraphRenderer : ParagraphRenderer
    {
        protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
        {
            MathInline? math = renderer.EnableHtmlForBlock ? LoneDisplayMath(obj) : null;
            if (math is null)
            {
                base.Write(renderer, obj);
                return;
            }

            if (!renderer.IsFirstInContainer)
            {
                renderer.EnsureLine();
            }

            // Same element a multi-line $$ block gets, so CSS, KaTeX and the formula count treat both alike.
            renderer.Write("<div").WriteAttributes(math).Write(">\\[");
            WriteTex(renderer, math);
            renderer.WriteLine("\\]</div>");
            renderer.EnsureLine();
        }
    }
}
