using System.Text;
using System.Text.RegularExpressions;

namespace NormDecay.Cli.Checking;

/// <summary>
/// The prose of a markdown text: code (fenced blocks and inline spans), math (<c>$$...$$</c> and <c>$...$</c>), HTML tags and
/// link targets are blanked out with spaces, so positions stay the same and only the words a reader reads as prose remain.
/// Terminology and typography rules apply to prose; code, formulas and identifiers keep their own spelling.
/// </summary>
public static partial class MarkdownMask
{
    /// <summary><paramref name="markdown"/> with everything that is not prose replaced by spaces (newlines kept).</summary>
    public static string Prose(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sb = new StringBuilder(markdown);
        BlankFences(sb);
        foreach (Regex r in new[] { InlineCode(), DisplayMath(), InlineMath(), HtmlTag(), LinkTarget() })
        {
            foreach (Match m in r.Matches(sb.ToString()))
            {
                Blank(sb, m.Index, m.Length);
            }
        }

        return sb.ToString();
    }

    private static void BlankFences(StringBuilder sb)
    {
        string text = sb.ToString();
        int pos = 0;
        string? fence = null;
        int fenceStart = 0;
        foreach (string line in text.Split('\n'))
        {
            string trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                fenceStart = pos;
            }
            else if (fence is not null && trimmed.StartsWith(fence, StringComparison.Ordinal))
            {
                Blank(sb, fenceStart, pos + line.Length - fenceStart);
                fence = null;
            }

            pos += line.Length + 1;
        }

        if (fence is not null)
        {
            Blank(sb, fenceStart, text.Length - fenceStart);
        }
    }

    private static void Blank(StringBuilder sb, int start, int length)
    {
        for (int i = start; i < start + length && i < sb.Length; i++)
        {
            if (sb[i] != '\n')
            {
                sb[i] = ' ';
            }
        }
    }

    [GeneratedRegex(@"(`+)[\s\S]*?\1")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\$\$[\s\S]*?\$\$")]
    private static partial Regex DisplayMath();

    [GeneratedRegex(@"(?<![\\$])\$(?!\s)[^$\n]+?(?<![\s\\])\$")]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\]\([^)\s]*\)")]
    private static partial Regex LinkTarget();
}
