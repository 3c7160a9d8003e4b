using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NormDecay.Cli.Export;

/// <summary>
/// Latin words inside right-to-left prose, isolated. The Unicode bidi algorithm lays a Latin phrase out left to right
/// inside a Persian line, but the neutral characters at its edges and between its words (spaces, hyphens, dots,
/// parentheses, digits) are resolved against the Persian around them, so "Keras 3", "SIL OFL 1.1" or a phrase that wraps
/// at "mini-" can come out reordered or torn apart. Each run of Latin words in a right-to-left fragment is wrapped in
/// <c>&lt;bdi dir="ltr" class="nd-latin"&gt;</c>: the run is laid out as one left-to-right unit and the Persian line
/// treats it as a single neutral word; short runs also keep together across line breaks (site.css).
/// Code, preformatted text, math (typeset later by KaTeX from its TeX source) and anything already marked
/// <c>dir="ltr"</c> are left alone: code and math are isolated by the stylesheet.
/// Surrounding punctuation stays outside the isolate, so «(mini-batch)» keeps its parentheses mirrored in the Persian
/// line and a sentence's final period stays at its Persian end.
/// </summary>
internal static partial class BidiIsolation
{
    /// <summary>Runs of at most this many characters are kept on one line.</summary>
    public const int KeepTogetherLength = 32;

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "code", "pre", "kbd", "samp", "script", "style", "svg", "math", "bdi", "textarea" };

    /// <summary>
    /// <paramref name="html"/> with every Latin run in right-to-left text wrapped in a left-to-right isolate. Text is
    /// right-to-left when <paramref name="rightToLeft"/> is true and no ancestor says <c>dir="ltr"</c>, or when an
    /// ancestor says <c>dir="rtl"</c>.
    /// </summary>
    /// <param name="html">An HTML fragment (a rendered, sanitized markdown cell).</param>
    /// <param name="rightToLeft">The direction of the page the fragment sits in.</param>
    public static string Isolate(string html, bool rightToLeft)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!rightToLeft && !html.Contains("dir=\"rtl\"", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        var parser = new HtmlParser();
        IDocument doc = parser.ParseDocument("<!DOCTYPE html><html><body><div id=\"nd-root\"></div></body></html>");
        IElement root = doc.GetElementById("nd-root")!;
        foreach (INode node in parser.ParseFragment(html, root).ToArray())
        {
            root.AppendChild(node);
        }

        var texts = new List<IText>();
        Collect(root, rightToLeft, texts);
        foreach (IText text in texts)
        {
            Wrap(doc, text);
        }

        return root.InnerHtml;
    }

    private static void Collect(INode node, bool rtl, List<IText> texts)
    {
        foreach (INode child in node.ChildNodes)
        {
            if (child is IText t)
            {
                if (rtl && LatinRun().IsMatch(t.Data))
                {
                    texts.Add(t);
                }
            }
            else if (child is IElement e && !Skipped.Contains(e.LocalName) && !e.ClassList.Contains("math") && !e.ClassList.Contains("katex"))
            {
                string? dir = e.GetAttribute("dir");
                Collect(e, dir switch { "rtl" => true, "ltr" => false, _ => rtl }, texts);
            }
        }
    }

    private static void Wrap(IDocument doc, IText text)
    {
        string data = text.Data;
        INode parent = text.Parent!;
        int pos = 0;
        foreach (Match m in LatinRun().Matches(data))
        {
            var (start, length) = Trim(data, m.Index, m.Length);
            if (length == 0)
            {
                continue;
            }

            parent.InsertBefore(doc.CreateTextNode(data[pos..start]), text);
            IElement bdi = doc.CreateElement("bdi");
            bdi.SetAttribute("dir", "ltr");
            bdi.ClassName = length <= KeepTogetherLength ? "nd-latin nd-keep" : "nd-latin";
            bdi.TextContent = data.Substring(start, length);
            parent.InsertBefore(bdi, text);
            pos = start + length;
        }

        parent.InsertBefore(doc.CreateTextNode(data[pos..]), text);
        parent.RemoveChild(text);
    }

    // Punctuation at the edges belongs to the Persian sentence: a final period or comma, and parentheses that are not
    // matched inside the run ("(mini-batch)" -> "mini-batch"; "OneCycleLR(...)" stays whole).
    private static (int Start, int Length) Trim(string s, int start, int length)
    {
        int end = start + length;
        bool changed = true;
        while (changed && end > start)
        {
            changed = false;
            string run = s[start..end];
            int open = run.Count(c => c == '('), close = run.Count(c => c == ')');
            if (".,:;!?'’-/".Contains(s[end - 1], StringComparison.Ordinal) || (s[end - 1] == ')' && close > open))
            {
                end--;
                changed = true;
            }
            else if (s[start] == '(' && open > close)
            {
                start++;
                changed = true;
            }
            else if (s[start] == '(' && s[end - 1] == ')' && open == 1 && close == 1)
            {
                start++;
                end--;
                changed = true;
            }
        }

        return (start, end - start);
    }

    // A Latin word (starting with an ASCII letter), then more Latin words or numbers joined by single spaces.
    [GeneratedRegex(@"\(?[A-Za-z][A-Za-z0-9_.\-+#/'’:&()]*(?:[ \u00A0]+\(?[A-Za-z0-9][A-Za-z0-9_.\-+#/'’:&()]*)*")]
    private static partial Regex LatinRun();
}
