using System.Text.Json;
using System.Text.Json.Nodes;

namespace NormDecay.Cli.Export;

/// <summary>One output of an executed code cell, as stored in an nbformat 4 notebook.</summary>
/// <param name="OutputType">"stream", "display_data", "execute_result" or "error".</param>
/// <param name="Data">MIME type to content: a string for text types, the raw JSON text for <c>+json</c> types.</param>
/// <param name="StreamName">"stdout" or "stderr" for stream outputs.</param>
/// <param name="Text">The text of a stream output.</param>
/// <param name="ErrorName">The exception name of an error output.</param>
/// <param name="ErrorValue">The message of an error output.</param>
/// <param name="Traceback">The traceback lines of an error output.</param>
internal sealed record NotebookOutput(
    string OutputType,
    IReadOnlyDictionary<string, string> Data,
    string? StreamName,
    string? Text,
    string? ErrorName,
    string? ErrorValue,
    IReadOnlyList<string> Traceback);

/// <summary>One cell of a notebook.</summary>
/// <param name="CellType">"markdown", "code" or "raw".</param>
/// <param name="Source">The cell's source text.</param>
/// <param name="Language">The code cell's kernel language ("csharp" when unspecified).</param>
/// <param name="ExecutionCount">The execution count of a code cell, if it ran.</param>
/// <param name="Outputs">The outputs of a code cell (empty for other cells).</param>
internal sealed record NotebookCell(
    string CellType,
    string Source,
    string Language,
    int? ExecutionCount,
    IReadOnlyList<NotebookOutput> Outputs);

/// <summary>
/// A read-only view of an executed .ipynb file (nbformat 4), just what the exporter needs.
/// The exporter keeps its own small reader so that it depends on nothing but the file format.
/// </summary>
internal sealed record NotebookDocument(string Path, IReadOnlyList<NotebookCell> Cells)
{
    /// <summary>Reads and parses the notebook at <paramref name="path"/>; never writes to it.</summary>
    /// <exception cref="InvalidDataException">The file is not JSON or not an nbformat 4 notebook; the message names the file and what is wrong.</exception>
    public static NotebookDocument Load(string path)
    {
        string json = File.ReadAllText(path);
        return Parse(json, path);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> is used only in error messages.</summary>
    public static NotebookDocument Parse(string json, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Notebook '{path}' is not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject obj)
        {
            throw new InvalidDataException($"Notebook '{path}': the top level must be a JSON object.");
        }

        int nbformat = obj["nbformat"]?.GetValueKind() == JsonValueKind.Number ? obj["nbformat"]!.GetValue<int>() : 0;
        if (nbformat != 4)
        {
            throw new InvalidDataException($"Notebook '{path}': nbformat is {nbformat}, the exporter reads nbformat 4 only.");
        }

        if (obj["cells"] is not JsonArray cells)
        {
            throw new InvalidDataException($"Notebook '{path}': the 'cells' array is missing.");
        }

        string defaultLanguage = DefaultLanguage(obj);
        var list = new List<NotebookCell>(cells.Count);
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell)
            {
                throw new InvalidDataException($"Notebook '{path}': cell {i} is not a JSON object.");
            }

            list.Add(ReadCell(cell, defaultLanguage, path, i));
        }

        return new NotebookDocument(path, list);
    }

    private static NotebookCell ReadCell(JsonObject cell, string defaultLanguage, string path, int index)
    {
        string type = cell["cell_type"]?.GetValue<string>()
            ?? throw new InvalidDataException($"Notebook '{path}': cell {index} has no 'cell_type'.");
        string source = JoinText(cell["source"]);
        string language = defaultLanguage;
        if (cell["metadata"] is JsonObject meta)
        {
            language = (meta["dotnet_interactive"]?["language"] ?? meta["polyglot_notebook"]?["kernelName"])?.GetValue<string>() ?? defaultLanguage;
        }

        int? count = cell["execution_count"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<int>() : null;
        var outputs = new List<NotebookOutput>();
        if (cell["outputs"] is JsonArray outs)
        {
            foreach (JsonNode? o in outs)
            {
                if (o is JsonObject output)
                {
                    outputs.Add(ReadOutput(output));
                }
            }
        }

        return new NotebookCell(type, source, language, count, outputs);
    }

    private static NotebookOutput ReadOutput(JsonObject o)
    {
        string type = o["output_type"]?.GetValue<string>() ?? "";
        var data = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (o["data"] is JsonObject d)
        {
            foreach (var (mime, value) in d)
            {
                if (value is null)
                {
                    continue;
                }

                bool isJsonMime = mime.EndsWith("json", StringComparison.OrdinalIgnoreCase);
                data[mime] = isJsonMime && value.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array
                    ? value.ToJsonString()
                    : JoinText(value);
            }
        }

        var traceback = new List<string>();
        if (o["traceback"] is JsonArray tb)
        {
            foreach (JsonNode? line in tb)
            {
                traceback.Add(line?.GetValue<string>() ?? "");
            }
        }

        return new NotebookOutput(
            type,
            data,
            o["name"]?.GetValue<string>(),
            o["text"] is null ? null : JoinText(o["text"]),
            o["ename"]?.GetValue<string>(),
            o["evalue"]?.GetValue<string>(),
            traceback);
    }

    /// <summary>nbformat stores multi-line text either as one string or as an array of lines (each keeping its newline).</summary>
    private static string JoinText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray a => string.Concat(a.Select(x => x?.GetValue<string>() ?? "")),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static string DefaultLanguage(JsonObject root)
    {
        JsonNode? meta = root["metadata"];
        string? lang = meta?["polyglot_notebook"]?["defaultKernelName"]?.GetValue<string>()
            ?? meta?["kernelspec"]?["language"]?.GetValue<string>();
        return lang switch
        {
            null or "C#" or "c#" => "csharp",
            _ => lang,
        };
    }
}
