using System.Text.Json;
using System.Text.Json.Nodes;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Execution;

/// <summary>
/// Turns kernel events of one cell into nbformat outputs: standard output/error as <c>stream</c> outputs (consecutive
/// pieces merged), displayed values as <c>display_data</c> (updates by value id replace the earlier output), the return
/// value as <c>execute_result</c>, a failure as an <c>error</c> output. Every MIME type is kept; JSON MIME types
/// (e.g. <c>application/vnd.plotly.v1+json</c>) are stored as JSON objects as nbformat requires. Kernel plumbing
/// ("Installed Packages", extension loading) is left out.
/// </summary>
public static class OutputConverter
{
    private static readonly string[] PlumbingMarkers = ["Installed Packages", "Loading extensions from", "Loading extension script from", "Restore sources"];

    /// <summary>Converts <paramref name="result"/> to outputs; <paramref name="executionCount"/> goes on the execute_result.</summary>
    public static JsonArray Convert(SubmissionResult result, int executionCount)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outputs = new JsonArray();
        var byValueId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (JsonObject e in result.Events)
        {
            string type = (string?)e["eventType"] ?? "";
            JsonNode? ev = e["event"];
            switch (type)
            {
                case "StandardOutputValueProduced":
                case "StandardErrorValueProduced":
                    string text = PlainText(ev);
                    if (!IsPlumbing(text))
                    {
                        AppendStream(outputs, type == "StandardOutputValueProduced" ? "stdout" : "stderr", text);
                    }

                    break;
                case "DisplayedValueProduced":
                case "DisplayedValueUpdated":
                case "ReturnValueProduced":
                    JsonObject? data = Data(ev);
                    if (data is null)
                    {
                        break;
                    }

                    string? valueId = (string?)ev?["valueId"];
                    JsonObject output = type == "ReturnValueProduced"
                        ? new JsonObject { ["data"] = data, ["execution_count"] = executionCount, ["metadata"] = new JsonObject(), ["output_type"] = "execute_result" }
                        : new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
                    if (type == "DisplayedValueUpdated" && valueId is not null && byValueId.TryGetValue(valueId, out JsonObject? earlier))
                    {
                        earlier["data"] = data.DeepClone();
                        break;
                    }

                    outputs.Add(output);
                    if (valueId is not null)
                    {
                        byValueId[valueId] = output;
                    }

                    break;
                case "ErrorProduced":
                    AppendStream(outputs, "stderr", (string?)ev?["message"] ?? PlainText(ev));
                    break;
                case "CommandFailed":
                    outputs.Add(Error(FailureMessage(ev)));
                    break;
            }
        }

        if (result.TimedOut)
        {
            outputs.Add(Error($"The cell did not finish within the time limit ({result.Elapsed.TotalSeconds:0.#} s); the kernel was stopped.", "TimeoutException"));
        }
        else if (result.KernelError is not null)
        {
            outputs.Add(Error(result.KernelError, "KernelException"));
        }

        return outputs;
    }

    /// <summary>The message of a CommandFailed event (first line is the exception type and message).</summary>
    public static string FailureMessage(JsonNode? commandFailedEvent) => (string?)commandFailedEvent?["message"] ?? "The cell failed (no message).";

    /// <summary>An nbformat error output; <paramref name="message"/>'s first line gives ename/evalue, every line goes to the traceback.</summary>
    public static JsonObject Error(string message, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        string first = message.Split('\n')[0].TrimEnd('\r');
        string ename = name ?? "Error";
        string evalue = first;
        int colon = first.IndexOf(": ", StringComparison.Ordinal);
        if (name is null && colon > 0 && !first[..colon].Contains(' ', StringComparison.Ordinal))
        {
            ename = first[..colon];
            evalue = first[(colon + 2)..];
        }

        var traceback = new JsonArray();
        foreach (string line in message.Split('\n'))
        {
            traceback.Add(line.TrimEnd('\r'));
        }

        return new JsonObject { ["ename"] = ename, ["evalue"] = evalue, ["output_type"] = "error", ["traceback"] = traceback };
    }

    private static JsonObject? Data(JsonNode? ev)
    {
        if (ev?["formattedValues"] is not JsonArray values)
        {
            return null;
        }

        var data = new JsonObject();
        foreach (JsonNode? v in values)
        {
            string? mime = (string?)v?["mimeType"];
            string value = (string?)v?["value"] ?? "";
            if (mime is null || (bool?)v?["suppressDisplay"] == true)
            {
                continue;
            }

            if (IsPlumbing(value))
            {
                return null;
            }

            data[mime] = IsJsonMime(mime) ? ParseJsonOrText(value) : NotebookJson.ToLines(value);
        }

        return data.Count == 0 ? null : data;
    }

    private static JsonNode ParseJsonOrText(string value)
    {
        try
        {
            return JsonNode.Parse(value) ?? JsonValue.Create(value)!;
        }
        catch (JsonException)
        {
            return JsonValue.Create(value)!;
        }
    }

    private static bool IsJsonMime(string mime) => mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    private static string PlainText(JsonNode? ev) =>
        ev?["formattedValues"] is JsonArray values
            ? string.Concat(values.Where(v => (string?)v?["mimeType"] == "text/plain").Select(v => (string?)v?["value"] ?? ""))
            : "";

    private static bool IsPlumbing(string text) => PlumbingMarkers.Any(m => text.Contains(m, StringComparison.Ordinal));

    private static void AppendStream(JsonArray outputs, string name, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (outputs.Count > 0 && outputs[^1] is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == name)
        {
            string joined = string.Concat(((JsonArray)last["text"]!).Select(x => (string?)x ?? "")) + text;
            last["text"] = NotebookJson.ToLines(joined);
            return;
        }

        outputs.Add(new JsonObject { ["name"] = name, ["output_type"] = "stream", ["text"] = NotebookJson.ToLines(text) });
    }
}
