using System.Text;

namespace NormDecay.Cli.Export;

/// <summary>Minimal HTML escaping: only the five characters that matter, so Persian text stays readable in the source.</summary>
internal static class Html
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c> in <paramref name="text"/> for use in element content or a quoted attribute.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Makes JSON safe inside <c>&lt;script type="application/json"&gt;</c>: no <c>&lt;/script</c> or <c>&lt;!--</c> can end or confuse the element.</summary>
    public static string EscapeJsonForScript(string json) =>
        json.Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\u0021--", StringComparison.Ordinal);
}
