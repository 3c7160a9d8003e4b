using System.Collections;

namespace NormDecay.Charts.Internal;

/// <summary>
/// Right-to-left text inside plotly's SVG. SVG text is laid out as a left-to-right paragraph, so a Persian label
/// that mixes in Latin ("وزن w1") or ends in punctuation ("ایپاک: " + "3") comes out in the wrong order. Prefixing
/// it with RIGHT-TO-LEFT EMBEDDING (U+202B), left open on purpose so that text plotly appends (a slider value)
/// joins the right-to-left run, makes the browser lay it out as Persian reads.
/// </summary>
internal static class Bidi
{
    /// <summary>U+202B RIGHT-TO-LEFT EMBEDDING.</summary>
    public const char Embedding = '\u202B';

    /// <summary>The text with the embedding mark in front when it contains Arabic-script letters; otherwise unchanged.</summary>
    public static string Mark(string text) =>
        text.Length > 0 && text[0] != Embedding && text.Any(IsArabicScript) ? Embedding + text : text;

    /// <summary>Marks every string in a plotly attribute tree (titles, names, prefixes, category labels).</summary>
    public static void Apply(JsonObj obj)
    {
        foreach (var key in obj.Keys.ToArray())
        {
            obj[key] = Visit(obj[key]);
        }
    }

    private static object? Visit(object? value)
    {
        switch (value)
        {
            case string s:
                return Mark(s);
            case JsonObj o:
                Apply(o);
                return o;
            case string[] strings:
                for (var i = 0; i < strings.Length; i++)
                {
                    strings[i] = Mark(strings[i]);
                }

                return strings;
            case IList list when value is not Array || value.GetType().GetElementType() is { IsValueType: false }:
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = Visit(list[i]);
                }

                return list;
            default:
                return value;
        }
    }

    private static bool IsArabicScript(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';
}
