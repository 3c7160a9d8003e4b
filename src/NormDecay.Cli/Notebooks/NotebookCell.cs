using System.Text.Json.Nodes;

namespace NormDecay.Cli.Notebooks;

/// <summary>One cell of a <see cref="NotebookFile"/>, a typed view over its JSON object (unknown fields are kept).</summary>
public sealed class NotebookCell
{
    /// <summary>Wraps an existing cell object.</summary>
    public NotebookCell(JsonObject json) => Json = json ?? throw new ArgumentNullException(nameof(json));

    /// <summary>The cell's JSON.</summary>
    public JsonObject Json { get; }

    /// <summary><c>cell_type</c>: "code", "markdown" or "raw" ("" when absent).</summary>
    public string CellType => Json["cell_type"]?.GetValue<string>() ?? "";

    /// <summary>True for a code cell.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>True for a markdown cell.</summary>
    public bool IsMarkdown => CellType == "markdown";

    /// <summary>The nbformat 4.5 cell id, or null.</summary>
    public string? Id
    {
        get => Json["id"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        set => Json["id"] = value;
    }

    /// <summary>The source as one string (nbformat allows a string or a list of lines; lines are joined as they are).</summary>
    public string Source
    {
        get => Json["source"] is JsonArray or JsonValue ? NotebookJson.JoinText(Json["source"]) : "";
        set => Json["source"] = NotebookJson.ToLines(value);
    }

    /// <summary>The cell metadata (created when absent).</summary>
    public JsonObject Metadata => Json["metadata"] as JsonObject ?? (JsonObject)(Json["metadata"] = new JsonObject());

    /// <summary>The Polyglot kernel name of the cell (<c>metadata.polyglot_notebook.kernelName</c>), or null (see also <see cref="NotebookFile.KernelOf"/>).</summary>
    public string? KernelName => (Json["metadata"]?["polyglot_notebook"]?["kernelName"] as JsonValue)?.TryGetValue(out string? k) == true ? k : null;

    /// <summary>The outputs of a code cell (null for other cells or when absent).</summary>
    public JsonArray? Outputs => Json["outputs"] as JsonArray;

    /// <summary>The outputs of a code cell as typed views, in order (empty for other cells; entries that are not objects are skipped).</summary>
    public IReadOnlyList<NotebookOutput> OutputItems => Outputs is JsonArray a ? [.. a.OfType<JsonObject>().Select(o => new NotebookOutput(o))] : [];

    /// <summary>The execution count of a code cell, or null.</summary>
    public int? ExecutionCount => Json["execution_count"] is JsonValue v && v.TryGetValue(out int n) ? n : null;

    /// <summary>A new code cell for the C# kernel, with cleared outputs.</summary>
    public static NotebookCell Code(string id, string source)
    {
        var cell = new NotebookCell(new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = id,
            ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = NotebookMetadata.KernelName } },
            ["outputs"] = new JsonArray(),
        });
        cell.Source = source;
        return cell;
    }

    /// <summary>A new markdown cell.</summary>
    public static NotebookCell Markdown(string id, string source)
    {
        var cell = new NotebookCell(new JsonObject { ["cell_type"] = "markdown", ["id"] = id, ["metadata"] = new JsonObject() });
        cell.Source = source;
        return cell;
    }

    /// <summary>Removes outputs and the execution count (code cells only).</summary>
    public void ClearOutputs()
    {
        if (IsCode)
        {
            Json["outputs"] = new JsonArray();
            Json["execution_count"] = null;
        }
    }

    /// <summary>Sets the outputs and execution count of a code cell.</summary>
    public void SetOutputs(JsonArray outputs, int? executionCount)
    {
        Json["outputs"] = outputs;
        Json["execution_count"] = executionCount;
    }
}
