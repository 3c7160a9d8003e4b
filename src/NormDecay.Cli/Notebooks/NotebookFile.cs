using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using NormDecay.Cli.IO;

namespace NormDecay.Cli.Notebooks;

/// <summary>
/// An nbformat 4 notebook held as its JSON tree, so metadata this tool does not know survives a read/write round trip.
/// Typed accessors cover what the tool needs (cells, ids, sources, outputs, kernel metadata).
/// </summary>
public sealed class NotebookFile
{
    private NotebookFile(JsonObject root, string? path)
    {
        Root = root;
        Path = path;
        if (root["cells"] is not JsonArray cells)
        {
            throw new InvalidDataException($"Notebook '{path ?? "(text)"}' has no 'cells' array.");
        }

        Cells = [.. cells.Select((c, i) => c is JsonObject o
            ? new NotebookCell(o)
            : throw new InvalidDataException($"Notebook '{path ?? "(text)"}': cell {i + 1} is not a JSON object."))];
    }

    /// <summary>The whole document (nbformat, metadata, cells, anything else).</summary>
    public JsonObject Root { get; }

    /// <summary>The file it was read from, or null.</summary>
    public string? Path { get; }

    /// <summary>The cells in order (a view over <see cref="Root"/>'s <c>cells</c>; edit through it).</summary>
    public IReadOnlyList<NotebookCell> Cells { get; private set; }

    /// <summary>The notebook-level metadata object (created when absent).</summary>
    public JsonObject Metadata => Root["metadata"] as JsonObject ?? (JsonObject)(Root["metadata"] = new JsonObject());

    /// <summary><c>nbformat</c> (major), or -1 when absent or not a number.</summary>
    public int Format => Root["nbformat"] is JsonValue v && v.TryGetValue(out int n) ? n : -1;

    /// <summary><c>nbformat_minor</c>, or -1 when absent or not a number.</summary>
    public int FormatMinor => Root["nbformat_minor"] is JsonValue v && v.TryGetValue(out int n) ? n : -1;

    /// <summary>Parses notebook JSON.</summary>
    /// <param name="json">The .ipynb text.</param>
    /// <param name="path">The file name used in error messages, or null.</param>
    /// <exception cref="InvalidDataException">Not JSON, not an object, or no <c>cells</c> array; the message names the file and the position.</exception>
    public static NotebookFile Parse(string json, string? path = null)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Notebook '{path ?? "(text)"}' is not valid JSON: {e.Message}", e);
        }

        return node is JsonObject o ? new NotebookFile(o, path) : throw new InvalidDataException($"Notebook '{path ?? "(text)"}' is not a JSON object.");
    }

    /// <summary>Reads a notebook file.</summary>
    /// <exception cref="InvalidDataException">See <see cref="Parse"/>.</exception>
    public static NotebookFile Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), System.IO.Path.GetFullPath(path));

    /// <summary>A new, empty C# notebook with the metadata VS Code and Jupyter need (see <see cref="NotebookMetadata"/>).</summary>
    public static NotebookFile Create()
    {
        var root = new JsonObject { ["cells"] = new JsonArray(), ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        var nb = new NotebookFile(root, null);
        NotebookMetadata.Apply(nb);
        return nb;
    }

    /// <summary>
    /// The kernel a code cell runs in, normalized so that C# is always "csharp": the cell's
    /// <c>polyglot_notebook.kernelName</c>, else its older <c>dotnet_interactive.language</c>, else the notebook's default
    /// (<c>polyglot_notebook.kernelInfo.defaultKernelName</c>, then <c>kernelspec.language</c>), else "csharp".
    /// </summary>
    public string KernelOf(NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        JsonNode? md = Root["metadata"];
        string? kernel = cell.KernelName
            ?? Text(cell.Json["metadata"]?["dotnet_interactive"]?["language"])
            ?? Text(md?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"])
            ?? Text(md?["kernelspec"]?["language"]);
        return kernel is null || kernel.Equals("c#", StringComparison.OrdinalIgnoreCase) ? NotebookMetadata.KernelName : kernel;
    }

    /// <summary>A deep copy (same cell ids, same metadata).</summary>
    public NotebookFile Clone() => new((JsonObject)Root.DeepClone(), Path);

    /// <summary>Appends a cell and returns it.</summary>
    public NotebookCell AddCell(NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ((JsonArray)Root["cells"]!).Add(cell.Json);
        Cells = [.. Cells, cell];
        return cell;
    }

    /// <summary>Replaces the cell at <paramref name="index"/>.</summary>
    public void ReplaceCell(int index, NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var cells = (JsonArray)Root["cells"]!;
        cells[index] = cell.Json;
        var list = Cells.ToList();
        list[index] = cell;
        Cells = list;
    }

    /// <summary>Serializes in Jupyter's layout: one-space indent, sources as line arrays, UTF-8 text unescaped, final newline.</summary>
    public string ToJson() => NotebookJson.Serialize(Root);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    /// <summary>Writes the notebook atomically (temporary file in the same folder, then rename) and creates the folder.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());
}
