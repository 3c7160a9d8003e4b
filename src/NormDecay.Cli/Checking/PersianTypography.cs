using System.Text.RegularExpressions;

namespace NormDecay.Cli.Checking;

/// <summary>
/// The typography rules of the glossary that a program can check in Persian prose (code and math excluded, see
/// <see cref="MarkdownMask"/>): Persian ی and ک, never Arabic ي, ك or ى; one spelling of the ezafe, هٔ (never ۀ);
/// Persian digits in running text (a Latin digit is fine inside a Latin phrase such as "CS231n" or "Keras 3");
/// Persian comma, semicolon and question mark after Persian words.
/// </summary>
public static partial class PersianTypography
{
    /// <summary>Every typography problem in <paramref name="markdown"/>, each a sentence naming what was found and what to write.</summary>
    public static IReadOnlyList<string> Problems(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string prose = MarkdownMask.Prose(markdown);
        var problems = new List<string>();
        foreach (var (bad, good, name) in Letters)
        {
            int at = prose.IndexOf(bad, StringComparison.Ordinal);
            if (at >= 0)
            {
                problems.Add($"typography: {name} «{bad}» (U+{(int)bad:X4}); write «{good}»: «{Around(markdown, at)}»");
            }
        }

        foreach (Match m in LatinDigitsInProse(prose))
        {
            problems.Add($"typography: Latin digits «{m.Value.Trim()}» in Persian prose; write Persian digits ({Persian(m.Value.Trim())}), or put code in backticks and formulas in $...$: «{Around(markdown, m.Index)}»");
        }

        foreach (Match m in LatinPunctuation().Matches(prose))
        {
            char p = m.Value[^1];
            string good = p switch { ',' => "،", ';' => "؛", _ => "؟" };
            problems.Add($"typography: Latin «{p}» after a Persian word; write «{good}»: «{Around(markdown, m.Index)}»");
        }

        return problems;
    }

    private static readonly (char Bad, char Good, string Name)[] Letters =
    [
        ('\u064A', '\u06CC', "Arabic yeh"),
        ('\u0649', '\u06CC', "Arabic alef maksura"),
        ('\u0643', '\u06A9', "Arabic kaf"),
        ('\u06C0', '\u0647', "heh with yeh above (write ه followed by U+0654, as the rest of the course: هٔ)"),
    ];

    // A whitespace-separated token with a Persian letter and an ASCII digit ("32تایی"), or a run of tokens without Persian
    // letters that holds ASCII digits but no Latin letter ("80/20" between Persian words). Runs with Latin letters are Latin
    // phrases ("Keras 3", "SIL OFL 1.1", "CS231n") and keep their digits.
    private static IEnumerable<Match> LatinDigitsInProse(string prose)
    {
        var tokens = Token().Matches(prose).ToList();
        for (int i = 0; i < tokens.Count; i++)
        {
            string t = tokens[i].Value;
            if (IsPersian(t))
            {
                if (t.Any(char.IsAsciiDigit))
                {
                    yield return tokens[i];
                }

                continue;
            }

            int j = i;
            while (j + 1 < tokens.Count && !IsPersian(tokens[j + 1].Value) && !tokens[j + 1].Value.Contains('\n') && SameLine(prose, tokens[j], tokens[j + 1]))
            {
                j++;
            }

            var run = tokens.GetRange(i, j - i + 1);
            if (run.Any(r => r.Value.Any(char.IsAsciiDigit)) && !run.Any(r => r.Value.Any(char.IsAsciiLetter)))
            {
                foreach (Match r in run.Where(r => r.Value.Any(char.IsAsciiDigit)))
                {
                    yield return r;
                }
            }

            i = j;
        }
    }

    private static bool SameLine(string prose, Match a, Match b) => prose.IndexOf('\n', a.Index, b.Index - a.Index) < 0;

    private static bool IsPersian(string token) => token.Any(c => c is >= '\u0620' and <= '\u064A' or >= '\u066E' and <= '\u06D3');

    private static string Persian(string s) => string.Concat(s.Select(c => char.IsAsciiDigit(c) ? (char)('۰' + (c - '0')) : c == '.' ? '٫' : c));

    private static string Around(string text, int index)
    {
        int start = Math.Max(0, index - 20), end = Math.Min(text.Length, index + 25);
        return text[start..end].ReplaceLineEndings(" ").Trim();
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    [GeneratedRegex(@"[\u0620-\u064A\u066E-\u06D3][,;?]")]
    private static partial Regex LatinPunctuation();
}
