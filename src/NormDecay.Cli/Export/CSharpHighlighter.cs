using System.Text;

namespace NormDecay.Cli.Export;

/// <summary>
/// A small C# tokenizer that wraps keywords, strings, comments, numbers, types and notebook
/// directives (<c>#r</c>, <c>#!csharp</c>) in <c>&lt;span class="tok-…"&gt;</c> elements at export time,
/// so pages need no highlighting script. It colours; it does not parse: unknown text passes through escaped.
/// </summary>
internal static class CSharpHighlighter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked",
        "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
        "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "get", "goto", "if", "implicit",
        "in", "init", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object",
        "operator", "out", "override", "params", "private", "protected", "public", "readonly", "record", "ref",
        "return", "sbyte", "sealed", "set", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch",
        "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "var",
        "virtual", "void", "volatile", "when", "where", "while", "yield", "with", "and", "or", "not", "nameof",
        "required", "scoped", "file", "global", "let", "from", "select", "orderby", "group", "by", "into", "join",
    };

    /// <summary>Returns HTML (escaped, with token spans) for C# <paramref name="code"/>.</summary>
    public static string Highlight(string code)
    {
        var sb = new StringBuilder(code.Length * 2);
        int i = 0;
        bool lineStart = true;
        while (i < code.Length)
        {
            char c = code[i];
            int start = i;
            if (lineStart && c == '#')
            {
                i = EndOfLine(code, i);
                Emit(sb, "tok-directive", code[start..i]);
            }
            else if (c == '/' && Peek(code, i + 1) == '/')
            {
                i = EndOfLine(code, i);
                Emit(sb, "tok-comment", code[start..i]);
            }
            else if (c == '/' && Peek(code, i + 1) == '*')
            {
                int end = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? code.Length : end + 2;
                Emit(sb, "tok-comment", code[start..i]);
            }
            else if (IsStringStart(code, i, out int prefix))
            {
                i = EndOfString(code, i, prefix);
                Emit(sb, "tok-string", code[start..i]);
            }
            else if (c == '\'')
            {
                i++;
                while (i < code.Length && code[i] != '\'' && code[i] != '\n')
                {
                    i += code[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(i + 1, code.Length);
                Emit(sb, "tok-string", code[start..i]);
            }
            else if (char.IsDigit(c) || (c == '.' && char.IsDigit(Peek(code, i + 1)) && (i == 0 || code[i - 1] != '.')))
            {
                // A '.' belongs to the number only before a digit: "200..", a range, is the number 200 and the operator "..".
                while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_'
                    || (code[i] == '.' && char.IsDigit(Peek(code, i + 1)))
                    || ((code[i] == '+' || code[i] == '-') && (code[i - 1] == 'e' || code[i - 1] == 'E'))))
                {
                    i++;
                }

                Emit(sb, "tok-number", code[start..i]);
            }
            else if (char.IsLetter(c) || c == '_' || c == '@')
            {
                i++;
                while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_'))
                {
                    i++;
                }

                string word = code[start..i];
                string? cls = Keywords.Contains(word) ? "tok-keyword" : char.IsUpper(word[0]) ? "tok-type" : null;
                Emit(sb, cls, word);
            }
            else
            {
                i++;
                sb.Append(Html.Escape(c.ToString()));
            }

            // A directive is only recognised at the start of a line (leading spaces allowed).
            char last = code[i - 1];
            lineStart = last == '\n' || (lineStart && start == i - 1 && (last == ' ' || last == '\t'));
        }

        return sb.ToString();
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int EndOfLine(string s, int i)
    {
        int end = s.IndexOf('\n', i);
        return end < 0 ? s.Length : end;
    }

    /// <summary>True at <c>"</c>, <c>@"</c>, <c>$"</c>, <c>$@"</c>, <c>@$"</c>, <c>$$"""</c> …; <paramref name="prefix"/> is the count of prefix characters.</summary>
    private static bool IsStringStart(string s, int i, out int prefix)
    {
        prefix = 0;
        while (i + prefix < s.Length && (s[i + prefix] == '$' || s[i + prefix] == '@') && prefix < 4)
        {
            prefix++;
        }

        return i + prefix < s.Length && s[i + prefix] == '"';
    }

    private static int EndOfString(string s, int i, int prefix)
    {
        bool verbatim = s.AsSpan(i, prefix).Contains('@');
        int q = i + prefix;
        int quotes = 0;
        while (q + quotes < s.Length && s[q + quotes] == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            // Raw string literal: ends at the same number of quotes.
            string fence = new('"', quotes);
            int end = s.IndexOf(fence, q + quotes, StringComparison.Ordinal);
            return end < 0 ? s.Length : end + quotes;
        }

        if (quotes == 2)
        {
            return q + 2; // empty string ""
        }

        int j = q + 1;
        while (j < s.Length)
        {
            if (verbatim && s[j] == '"' && Peek(s, j + 1) == '"')
            {
                j += 2;
            }
            else if (!verbatim && s[j] == '\\')
            {
                j += 2;
            }
            else if (s[j] == '"' || (!verbatim && s[j] == '\n'))
            {
                return j + 1;
            }
            else
            {
                j++;
            }
        }

        return s.Length;
    }

    private static void Emit(StringBuilder sb, string? cls, string text)
    {
        string encoded = Html.Escape(text);
        if (cls is null)
        {
            sb.Append(encoded);
        }
        else
        {
            sb.Append("<span class=\"").Append(cls).Append("\">").Append(encoded).Append("</span>");
        }
    }
}
