using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace NormDecay.Cli.Tests.Support;

/// <summary>
/// What of an instructor's assignment notebook a student must never see, read straight from the notebook's JSON with
/// this class's own marker parsing (not the code under test, so a broken stripper cannot hide its own leak): every line
/// inside a <c>### BEGIN SOLUTION</c> or <c>### BEGIN HIDDEN TESTS</c> region, and every line of a markdown solution cell
/// (nbgrader <c>solution: true</c>: the model answer). Lines shorter than <see cref="MinimumLength"/> ("}", "return y;")
/// and lines that also occur in public text (the notebook outside its regions, the lessons) are left out, so every hit
/// of <see cref="Scan"/> is a real leak.
/// </summary>
internal static partial class InstructorSecrets
{
    /// <summary>Needles shorter than this (after collapsing white space) are left out.</summary>
    public const int MinimumLength = 12;

    /// <summary>One secret line.</summary>
    /// <param name="Notebook">File name of the source notebook.</param>
    /// <param name="Cell">Id of the cell holding it.</param>
    /// <param name="Kind">"solution", "hidden test" or "model answer".</param>
    /// <param name="Text">The line, white space collapsed.</param>
    public sealed record Needle(string Notebook, string Cell, string Kind, string Text);

    /// <summary>The secret lines of the source notebook at <paramref name="sourcePath"/>, minus those that occur in <paramref name="publicTexts"/>.</summary>
    public static IReadOnlyList<Needle> Of(string sourcePath, IEnumerable<string> publicTexts)
    {
        var root = (JsonObject)JsonNode.Parse(File.ReadAllText(sourcePath))!;
        var secret = new List<(string Cell, string Kind, string Line)>();
        var open = new StringBuilder();
        foreach (JsonObject cell in ((JsonArray)root["cells"]!).Cast<JsonObject>())
        {
            string id = cell["id"]?.GetValue<string>() ?? "?";
            string type = cell["cell_type"]!.GetValue<string>();
            bool solutionCell = cell["metadata"]?["nbgrader"]?["solution"] is JsonValue v && v.TryGetValue(out bool b) && b;
            string? region = null;
            foreach (string line in Source(cell).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                string marker = Marker(line);
                if (type == "code" && marker is "### BEGIN SOLUTION" or "### BEGIN HIDDEN TESTS")
                {
                    region = marker == "### BEGIN SOLUTION" ? "solution" : "hidden test";
                    continue;
                }

                if (type == "code" && marker is "### END SOLUTION" or "### END HIDDEN TESTS")
                {
                    region = null;
                    continue;
                }

                string? kind = region ?? (type == "markdown" && solutionCell ? "model answer" : null);
                if (kind is null)
                {
                    open.Append(line).Append('\n');
                }
                else
                {
                    secret.Add((id, kind, line));
                }
            }
        }

        string everythingPublic = Normalize(open + "\n" + string.Join("\n", publicTexts));
        string name = Path.GetFileName(sourcePath);
        return secret
            .Select(s => new Needle(name, s.Cell, s.Kind, Normalize(s.Line)))
            .Where(n => n.Text.Length >= MinimumLength && !everythingPublic.Contains(n.Text, StringComparison.Ordinal))
            .DistinctBy(n => n.Text)
            .ToList();
    }

    /// <summary>
    /// The text outputs of an executed instructor copy (stream text, <c>text/plain</c>, error messages), line by line: what
    /// running the solutions and hidden tests printed. Lines that occur in <paramref name="publicTexts"/> are left out.
    /// </summary>
    public static IReadOnlyList<Needle> OutputsOf(string executedPath, IEnumerable<string> publicTexts)
    {
        var root = (JsonObject)JsonNode.Parse(File.ReadAllText(executedPath))!;
        var found = new List<(string Cell, string Line)>();
        foreach (JsonObject cell in ((JsonArray)root["cells"]!).Cast<JsonObject>())
        {
            foreach (JsonObject output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            {
                foreach (JsonNode? text in new[] { output["text"], output["data"]?["text/plain"], output["evalue"] })
                {
                    string t = text switch { JsonArray a => string.Concat(a.Select(x => x!.GetValue<string>())), JsonValue v => v.GetValue<string>(), _ => "" };
                    found.AddRange(t.Split('\n').Select(l => (cell["id"]?.GetValue<string>() ?? "?", l)));
                }
            }
        }

        string everythingPublic = Normalize(string.Join("\n", publicTexts));
        string name = Path.GetFileName(executedPath);
        return found
            .Select(f => new Needle(name, f.Cell, "executed output", Normalize(f.Line)))
            .Where(n => n.Text.Length >= MinimumLength && !everythingPublic.Contains(n.Text, StringComparison.Ordinal))
            .DistinctBy(n => n.Text)
            .ToList();
    }

    /// <summary>The sources of every cell of a notebook, for use as public text (a lesson).</summary>
    public static string AllSources(string notebookPath)
    {
        var root = (JsonObject)JsonNode.Parse(File.ReadAllText(notebookPath))!;
        return string.Join("\n", ((JsonArray)root["cells"]!).Cast<JsonObject>().Select(Source));
    }

    /// <summary>
    /// Every (file, needle) where a file under <paramref name="siteDir"/> holds a needle: HTML by its text (entities decoded,
    /// highlighting spans dropped) and its markup, notebooks and JSON by every string in them, anything else as UTF-8 text.
    /// </summary>
    public static IReadOnlyList<string> Scan(string siteDir, IReadOnlyCollection<Needle> needles)
    {
        var leaks = new List<string>();
        foreach (string file in Directory.GetFiles(siteDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string haystack = Normalize(Readable(file));
            foreach (Needle n in needles.Where(n => haystack.Contains(n.Text, StringComparison.Ordinal)))
            {
                leaks.Add($"{Path.GetRelativePath(siteDir, file)} holds the {n.Kind} of {n.Notebook} cell '{n.Cell}': {n.Text}");
            }
        }

        return leaks;
    }

    /// <summary>White space runs collapsed to one space, trimmed.</summary>
    public static string Normalize(string s) => Space().Replace(s, " ").Trim();

    private static string Readable(string file)
    {
        string raw = File.ReadAllText(file);
        string ext = Path.GetExtension(file).ToLowerInvariant();
        if (ext is ".html" or ".htm")
        {
            return new HtmlParser().ParseDocument(raw).DocumentElement.TextContent + "\n" + raw;
        }

        if (ext is ".ipynb" or ".json")
        {
            try
            {
                var sb = new StringBuilder();
                Strings(JsonNode.Parse(raw), sb);
                return sb + "\n" + raw;
            }
            catch (System.Text.Json.JsonException)
            {
                return raw;
            }
        }

        return raw;
    }

    private static void Strings(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, v) in o)
                {
                    Strings(v, sb);
                }

                break;
            case JsonArray a:
                // nbformat splits text into lines, one string each: join them as they were
                if (a.All(x => x is JsonValue xv && xv.TryGetValue(out string? _)))
                {
                    sb.Append(string.Concat(a.Select(x => x!.GetValue<string>()))).Append('\n');
                }
                else
                {
                    foreach (JsonNode? x in a)
                    {
                        Strings(x, sb);
                    }
                }

                break;
            case JsonValue v when v.TryGetValue(out string? s):
                sb.Append(s).Append('\n');
                break;
        }
    }

    private static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray a => string.Concat(a.Select(x => x!.GetValue<string>())),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    private static string Marker(string line)
    {
        string t = line.Trim();
        if (t.StartsWith("//", StringComparison.Ordinal))
        {
            t = t[2..].Trim();
        }

        return t.ToUpperInvariant();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
