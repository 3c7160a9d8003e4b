using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NormDecay.Cli.Notebooks;

/// <summary>Jupyter-style JSON: one-space indent, non-ASCII text kept as is (Persian stays readable in diffs), sources as lists of lines.</summary>
public static class NotebookJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes <paramref name="node"/> with Jupyter's layout and a final newline.</summary>
    public static string Serialize(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Joins nbformat's multiline text (one string, or an array of lines each keeping its "\n"); any other value as its JSON text, null as "".</summary>
    public static string JoinText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray a => string.Concat(a.Select(x => x is JsonValue v && v.TryGetValue(out string? s) ? s : "")),
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>Splits text into nbformat's multiline form: each line keeps its "\n", the last has none.</summary>
    public static JsonArray ToLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
