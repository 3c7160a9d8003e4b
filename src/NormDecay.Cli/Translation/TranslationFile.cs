using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using NormDecay.Cli.IO;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Translation;

/// <summary>
/// The translation of one English notebook's markdown into one language, stored as
/// <c>notebooks/i18n/&lt;language&gt;/&lt;notebook&gt;.json</c>:
/// <code>
/// { "notebook": "00-welcome.ipynb", "language": "fa",
///   "cells": { "&lt;cell id&gt;": { "sourceSha256": "&lt;SHA-256 of the English text&gt;", "text": ["line 1\n", "line 2"] } } }
/// </code>
/// <c>text</c> may be a string or a list of lines (written as lines, so diffs stay readable).
/// </summary>
public sealed class TranslationFile
{
    /// <summary>The English notebook's file name.</summary>
    public required string Notebook { get; init; }

    /// <summary>The target language code, e.g. "fa".</summary>
    public required string Language { get; init; }

    /// <summary>Translations keyed by cell id.</summary>
    public Dictionary<string, CellTranslation> Cells { get; init; } = new(StringComparer.Ordinal);

    /// <summary>SHA-256 (lowercase hex) of UTF-8 <paramref name="englishText"/>, line endings normalized to "\n".</summary>
    public static string Hash(string englishText)
    {
        ArgumentNullException.ThrowIfNull(englishText);
        byte[] bytes = Encoding.UTF8.GetBytes(englishText.Replace("\r\n", "\n", StringComparison.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Reads a translation file.</summary>
    /// <exception cref="InvalidDataException">Not valid JSON or a field has the wrong type; the message names the file and the field.</exception>
    public static TranslationFile Load(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Translation file '{path}' is not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject o)
        {
            throw new InvalidDataException($"Translation file '{path}' is not a JSON object.");
        }

        var file = new TranslationFile
        {
            Notebook = (string?)o["notebook"] ?? Path.GetFileNameWithoutExtension(path) + ".ipynb",
            Language = (string?)o["language"] ?? Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "",
        };
        if (o["cells"] is JsonObject cells)
        {
            foreach (var (id, node) in cells)
            {
                string hash = (string?)node?["sourceSha256"] ?? throw new InvalidDataException($"Translation file '{path}': cell '{id}' has no 'sourceSha256'.");
                string text = node?["text"] switch
                {
                    JsonArray a => string.Concat(a.Select(x => (string?)x ?? "")),
                    JsonValue v when v.TryGetValue(out string? s) => s,
                    null => "",
                    _ => throw new InvalidDataException($"Translation file '{path}': cell '{id}' has a 'text' that is neither a string nor a list of lines."),
                };
                file.Cells[id] = new CellTranslation(hash, text);
            }
        }
        else if (o["cells"] is not null)
        {
            throw new InvalidDataException($"Translation file '{path}': 'cells' must be an object keyed by cell id.");
        }

        return file;
    }

    /// <summary>Writes the file atomically, cells in the order of <paramref name="cellOrder"/> (others after, sorted).</summary>
    public void Save(string path, IEnumerable<string>? cellOrder = null)
    {
        var ordered = (cellOrder ?? []).Where(Cells.ContainsKey).Distinct().ToList();
        ordered.AddRange(Cells.Keys.Except(ordered).Order(StringComparer.Ordinal));
        var cells = new JsonObject();
        foreach (string id in ordered)
        {
            cells[id] = new JsonObject { ["sourceSha256"] = Cells[id].SourceSha256, ["text"] = NotebookJson.ToLines(Cells[id].Text) };
        }

        var root = new JsonObject { ["notebook"] = Notebook, ["language"] = Language, ["cells"] = cells };
        AtomicFile.WriteAllText(path, NotebookJson.Serialize(root));
    }
}

/// <summary>One translated markdown cell.</summary>
/// <param name="SourceSha256">SHA-256 of the English text it translates (see <see cref="TranslationFile.Hash"/>).</param>
/// <param name="Text">The translated markdown (without the right-to-left wrapper; generation adds it).</param>
public sealed record CellTranslation(string SourceSha256, string Text);
