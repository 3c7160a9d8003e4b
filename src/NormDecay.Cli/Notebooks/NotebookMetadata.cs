using System.Text.Json.Nodes;

namespace NormDecay.Cli.Notebooks;

/// <summary>
/// The metadata VS Code (Polyglot Notebooks, Jupyter extension) and Jupyter need to open a notebook as C#: kernelspec
/// <c>.net-csharp</c> / ".NET (C#)", language_info <c>polyglot-notebook</c>, <c>polyglot_notebook.kernelInfo</c> with
/// default kernel <c>csharp</c>, and <c>polyglot_notebook.kernelName</c> on every code cell.
/// </summary>
public static class NotebookMetadata
{
    /// <summary>The kernelspec name of the .NET Interactive C# Jupyter kernel.</summary>
    public const string KernelSpecName = ".net-csharp";

    /// <summary>The kernelspec display name.</summary>
    public const string KernelSpecDisplayName = ".NET (C#)";

    /// <summary>The language_info name Polyglot Notebooks writes.</summary>
    public const string LanguageInfoName = "polyglot-notebook";

    /// <summary>The Polyglot kernel name of C# cells.</summary>
    public const string KernelName = "csharp";

    /// <summary>Sets (adds or corrects) the notebook-level metadata and each code cell's kernel name; other metadata is kept.</summary>
    public static void Apply(NotebookFile notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        JsonObject md = notebook.Metadata;
        md["kernelspec"] = new JsonObject { ["display_name"] = KernelSpecDisplayName, ["language"] = "C#", ["name"] = KernelSpecName };
        md["language_info"] = new JsonObject { ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["name"] = LanguageInfoName, ["pygments_lexer"] = "csharp", ["version"] = "13.0" };
        md["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = KernelName,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "C#", ["name"] = KernelName }),
            },
        };
        notebook.Root["nbformat"] = 4;
        notebook.Root["nbformat_minor"] = 5;
        foreach (NotebookCell cell in notebook.Cells.Where(c => c.IsCode))
        {
            JsonObject cm = cell.Metadata;
            var pn = cm["polyglot_notebook"] as JsonObject ?? new JsonObject();
            pn["kernelName"] = KernelName;
            cm["polyglot_notebook"] = pn;
        }
    }

    /// <summary>The metadata object NormDecay keeps its own keys in: <c>metadata.normdecay</c>.</summary>
    public const string OwnKey = "normdecay";

    /// <summary>The key of the notebook's language inside <see cref="OwnKey"/>: <c>metadata.normdecay.lang</c> ("en", "fa"), written by <c>translate</c>.</summary>
    public const string LanguageKey = "lang";

    /// <summary>
    /// The notebook's language from its metadata: <c>metadata.normdecay.lang</c>, else a language code in <c>metadata.language</c>
    /// (a short code such as "fa", never a programming language); null when neither is set.
    /// </summary>
    public static string? Language(NotebookFile notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        JsonNode? md = notebook.Root["metadata"];
        foreach (JsonNode? node in new[] { md?[OwnKey]?[LanguageKey], md?["language"] })
        {
            if (node is JsonValue v && v.TryGetValue(out string? code) && IsLanguageCode(code))
            {
                return code.Trim().ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>Writes <paramref name="language"/> to <c>metadata.normdecay.lang</c>.</summary>
    public static void SetLanguage(NotebookFile notebook, string language)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        var own = notebook.Metadata[OwnKey] as JsonObject ?? new JsonObject();
        own[LanguageKey] = language;
        notebook.Metadata[OwnKey] = own;
    }

    /// <summary>
    /// Describes the kernel of a notebook written for another language (e.g. "Python (kernelspec python3)"), or null for a C#
    /// notebook or one that names no kernel. The kernelspec's language decides, then its name, then <c>language_info.name</c>.
    /// </summary>
    public static string? ForeignKernel(NotebookFile notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        JsonNode? md = notebook.Root["metadata"];
        string? specLanguage = Text(md?["kernelspec"]?["language"]);
        string? specName = Text(md?["kernelspec"]?["name"]);
        string? infoName = Text(md?["language_info"]?["name"]);
        string? foreign = specLanguage is not null ? (IsCSharp(specLanguage) ? null : specLanguage)
            : specName is not null ? (IsCSharp(specName) ? null : specName)
            : infoName is not null && !IsCSharp(infoName) ? infoName : null;
        if (foreign is null)
        {
            return null;
        }

        return specName is not null && !string.Equals(specName, foreign, StringComparison.Ordinal) ? $"{foreign} (kernelspec {specName})" : foreign;
    }

    private static bool IsCSharp(string name)
    {
        string n = name.Trim().ToLowerInvariant();
        return n is "c#" or "csharp" or LanguageInfoName or KernelSpecName || n.EndsWith("-csharp", StringComparison.Ordinal);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static bool IsLanguageCode(string? code) =>
        code is not null && code.Trim().Length is 2 or 3 && code.Trim().All(char.IsAsciiLetter);

    /// <summary>Lists what is missing or wrong in the notebook-level metadata (empty when all is right).</summary>
    public static IReadOnlyList<string> Problems(NotebookFile notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var problems = new List<string>();
        JsonNode? md = notebook.Root["metadata"];
        Expect(md?["kernelspec"]?["name"], KernelSpecName, "metadata.kernelspec.name", problems);
        Expect(md?["kernelspec"]?["display_name"], KernelSpecDisplayName, "metadata.kernelspec.display_name", problems);
        Expect(md?["language_info"]?["name"], LanguageInfoName, "metadata.language_info.name", problems);
        Expect(md?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"], KernelName, "metadata.polyglot_notebook.kernelInfo.defaultKernelName", problems);
        return problems;
    }

    private static void Expect(JsonNode? node, string expected, string where, List<string> problems)
    {
        string? actual = node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        if (actual != expected)
        {
            problems.Add(actual is null ? $"{where} is missing (expected \"{expected}\")" : $"{where} is \"{actual}\" (expected \"{expected}\")");
        }
    }
}
