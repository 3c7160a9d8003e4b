using System.Text.Json;
using System.Text.Json.Nodes;

namespace NormDecay.Cli.Notebooks;

/// <summary>One output of an executed code cell (<see cref="NotebookCell.OutputItems"/>), a read-only typed view over its JSON object.</summary>
public sealed class NotebookOutput
{
    /// <summary>Wraps an output object of a cell's <c>outputs</c> array.</summary>
    public NotebookOutput(JsonObject json)
    {
        Json = json ?? throw new ArgumentNullException(nameof(json));
        var data = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (json["data"] is JsonObject d)
        {
            foreach ((string mime, JsonNode? value) in d)
            {
                if (value is null)
                {
                    continue;
                }

                bool isJsonMime = mime.EndsWith("json", StringComparison.OrdinalIgnoreCase);
                data[mime] = isJsonMime && value.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array
                    ? value.ToJsonString()
                    : NotebookJson.JoinText(value);
            }
        }

        Data = data;
    }

    /// <summary>The output's JSON.</summary>
    public JsonObject Json { get; }

    /// <summary><c>output_type</c>: "stream", "display_data", "execute_result", "update_display_data" or "error" ("" when absent).</summary>
    public string OutputType => Text(Json["output_type"]) ?? "";

    /// <summary>MIME type to content: the text for text types, the raw JSON text for <c>+json</c> types (case-insensitive keys).</summary>
    public IReadOnlyDictionary<string, string> Data { get; }

    /// <summary>"stdout" or "stderr" for a stream output, else null.</summary>
    public string? StreamName => Text(Json["name"]);

    /// <summary>The text of a stream output (lines joined), else null.</summary>
    public string? StreamText => Json["text"] is null ? null : NotebookJson.JoinText(Json["text"]);

    /// <summary>The exception name of an error output, else null.</summary>
    public string? ErrorName => Text(Json["ename"]);

    /// <summary>The message of an error output, else null.</summary>
    public string? ErrorValue => Text(Json["evalue"]);

    /// <summary>The traceback lines of an error output (empty when absent).</summary>
    public IReadOnlyList<string> Traceback =>
        Json["traceback"] is JsonArray tb ? [.. tb.Select(l => Text(l) ?? "")] : [];

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
