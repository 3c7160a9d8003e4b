using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NormDecay.Cli.Checking;

/// <summary>
/// The Persian glossary in machine-readable form (<c>notebooks/i18n/fa/glossary.json</c>): one term per concept and the
/// variants that must not stand in for it, each with the longer phrases in which the variant's letters are legitimate
/// (دسته inside «نرمال‌سازی دسته‌ای»). <see cref="Find"/> lists every stray variant in a piece of Persian markdown,
/// ignoring code (fenced and inline) and math (<c>$...$</c>, <c>$$...$$</c>), where the glossary does not apply.
/// </summary>
public sealed class Glossary
{
    /// <summary>The file name of the glossary inside <c>notebooks/i18n/&lt;language&gt;/</c>.</summary>
    public const string FileName = "glossary.json";

    /// <summary>The entries, in file order.</summary>
    public IReadOnlyList<GlossaryEntry> Entries { get; }

    private Glossary(IReadOnlyList<GlossaryEntry> entries) => Entries = entries;

    /// <summary>The glossary of a course: <c>notebooks/i18n/&lt;language&gt;/glossary.json</c> beside the translations, or null when absent.</summary>
    /// <param name="translationFile">Any translation file of the course (its folder holds the glossary).</param>
    public static Glossary? ForTranslation(string translationFile)
    {
        string path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(translationFile))!, FileName);
        return File.Exists(path) ? Load(path) : null;
    }

    /// <summary>Reads a glossary file.</summary>
    /// <exception cref="InvalidDataException">Not valid JSON, a field is missing or has the wrong type, a pattern is not a valid
    /// regular expression, or an allowed phrase does not contain its variant; the message names the file and the entry.</exception>
    public static Glossary Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Glossary '{path}' is not valid JSON: {e.Message}", e);
        }

        if (root?["terms"] is not JsonArray terms)
        {
            throw new InvalidDataException($"Glossary '{path}' has no 'terms' list.");
        }

        var entries = new List<GlossaryEntry>();
        for (int i = 0; i < terms.Count; i++)
        {
            string where = $"Glossary '{path}', term {i + 1}";
            JsonObject t = terms[i] as JsonObject ?? throw new InvalidDataException($"{where} is not an object.");
            string concept = Text(t, "concept", where);
            string term = Text(t, "term", where);
            var variants = new List<GlossaryVariant>();
            foreach (JsonNode? v in t["variants"] as JsonArray ?? [])
            {
                variants.Add(Variant(v as JsonObject ?? throw new InvalidDataException($"{where} ({concept}): a variant is not an object."), $"{where} ({concept})"));
            }

            entries.Add(new GlossaryEntry(concept, term, variants, (string?)t["note"]));
        }

        return new Glossary(entries);
    }

    /// <summary>Every stray variant in <paramref name="markdown"/>, in text order.</summary>
    /// <param name="markdown">Persian markdown (a translated cell, a chart label, a site or feedback string).</param>
    /// <param name="assignment">True for the text of an assignment (or of the coursework tools), where variants scoped to
    /// assignments also apply (تمرین for تکلیف).</param>
    public IReadOnlyList<GlossaryHit> Find(string markdown, bool assignment = false)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string text = MarkdownMask.Prose(markdown);
        var hits = new List<GlossaryHit>();
        foreach (GlossaryEntry entry in Entries)
        {
            foreach (GlossaryVariant variant in entry.Variants)
            {
                if (variant.AssignmentsOnly && !assignment)
                {
                    continue;
                }

                foreach (Match m in variant.Regex.Matches(text))
                {
                    if (!variant.AllowedIn.Any(a => Covers(text, a, m.Index, m.Length)))
                    {
                        hits.Add(new GlossaryHit(entry, variant, m.Value, m.Index, Snippet(markdown, m.Index, m.Length)));
                    }
                }
            }
        }

        return [.. hits.OrderBy(h => h.Index)];
    }

    private static bool Covers(string text, string allowed, int index, int length)
    {
        for (int at = text.IndexOf(allowed, StringComparison.Ordinal); at >= 0; at = text.IndexOf(allowed, at + 1, StringComparison.Ordinal))
        {
            if (at <= index && index + length <= at + allowed.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static string Snippet(string text, int index, int length)
    {
        int start = Math.Max(0, index - 20), end = Math.Min(text.Length, index + length + 20);
        return text[start..end].ReplaceLineEndings(" ").Trim();
    }

    private static GlossaryVariant Variant(JsonObject v, string where)
    {
        string? literal = (string?)v["text"], pattern = (string?)v["pattern"];
        if ((literal is null) == (pattern is null))
        {
            throw new InvalidDataException($"{where}: a variant needs exactly one of 'text' (a literal) and 'pattern' (a regular expression).");
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern ?? Regex.Escape(literal!), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{where}: variant pattern '{pattern}' is not a valid regular expression: {e.Message}", e);
        }

        var allowed = (v["allowedIn"] as JsonArray ?? []).Select(a => (string?)a ?? "").ToList();
        foreach (string a in allowed)
        {
            if (!regex.IsMatch(a))
            {
                throw new InvalidDataException($"{where}: the allowed phrase «{a}» does not contain the variant «{literal ?? pattern}», so it would never apply.");
            }
        }

        string scope = (string?)v["scope"] ?? "all";
        if (scope is not ("all" or "assignments"))
        {
            throw new InvalidDataException($"{where}: scope '{scope}' must be \"all\" or \"assignments\".");
        }

        return new GlossaryVariant(literal ?? pattern!, regex, allowed, scope == "assignments");
    }

    private static string Text(JsonObject o, string field, string where) =>
        (string?)o[field] is { Length: > 0 } s ? s : throw new InvalidDataException($"{where} has no '{field}'.");
}

/// <summary>One concept of the glossary.</summary>
/// <param name="Concept">The English concept, e.g. "mini-batch".</param>
/// <param name="Term">The one Persian term for it.</param>
/// <param name="Variants">What must not stand in for <paramref name="Term"/>.</param>
/// <param name="Note">Why, or how to rephrase (shown with a hit); null when the term says it all.</param>
public sealed record GlossaryEntry(string Concept, string Term, IReadOnlyList<GlossaryVariant> Variants, string? Note);

/// <summary>A rejected variant of a glossary term.</summary>
/// <param name="Display">The variant as written in the glossary (a literal or a pattern).</param>
/// <param name="Regex">What it matches.</param>
/// <param name="AllowedIn">Longer phrases inside which the match is legitimate («اندازهٔ دسته» for دسته).</param>
/// <param name="AssignmentsOnly">True when the variant is rejected only in assignment text (تمرین: "exercise" elsewhere).</param>
public sealed record GlossaryVariant(string Display, Regex Regex, IReadOnlyList<string> AllowedIn, bool AssignmentsOnly);

/// <summary>A stray variant found in a text.</summary>
/// <param name="Entry">The concept whose term should be used.</param>
/// <param name="Variant">The variant that matched.</param>
/// <param name="Matched">The matched text.</param>
/// <param name="Index">Where, in the text.</param>
/// <param name="Context">A few words around it.</param>
public sealed record GlossaryHit(GlossaryEntry Entry, GlossaryVariant Variant, string Matched, int Index, string Context)
{
    /// <summary>"«دسته» for mini-batch: use «مینی‌بچ» (in: «...»)", with the allowed phrases and the note when there are any.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder($"glossary: «{Matched}» stands for {Entry.Concept}; use «{Entry.Term}»");
        if (Variant.AllowedIn.Count > 0)
        {
            sb.Append(" (the variant is right only inside ").AppendJoin(", ", Variant.AllowedIn.Select(a => $"«{a}»")).Append(')');
        }

        if (Entry.Note is not null)
        {
            sb.Append("; ").Append(Entry.Note);
        }

        return sb.Append(": «").Append(Context).Append('»').ToString();
    }
}
