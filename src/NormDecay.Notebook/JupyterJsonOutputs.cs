using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace NormDecay.Notebook;

/// <summary>
/// Makes the kernel's Jupyter bridge send JSON MIME types (<c>application/*+json</c>, e.g. the Plotly figure) as JSON objects.
/// dotnet-interactive's <c>ExecuteRequestHandler</c> keeps only <c>application/json</c> as JSON and sends every other
/// formatted value as a string, so a Jupyter client (nbconvert, JupyterLab, VS Code's Jupyter extension) would store and hand
/// a Plotly renderer a string where nbformat and plotly expect an object. While a Jupyter request is being handled, this wraps
/// that request's message sender (<c>JupyterRequestContext.Current.JupyterMessageSender</c>, reached by reflection: the
/// pinned kernel 1.0.712001 has no public hook) so that <c>display_data</c>, <c>execute_result</c> and
/// <c>update_display_data</c> carry parsed JSON. Outside a Jupyter kernel (the NormDecay runner, Polyglot Notebooks) it does
/// nothing: those clients receive the formatted values over dotnet-interactive's own protocol.
/// </summary>
public static class JupyterJsonOutputs
{
    private const string JupyterAssembly = "Microsoft.DotNet.Interactive.Jupyter";
    private const string ContextTypeName = "Microsoft.DotNet.Interactive.Jupyter.JupyterRequestContext";

    /// <summary>
    /// Wraps the current Jupyter request's sender unless it already is wrapped. Returns true when a Jupyter request is being
    /// handled (and its JSON MIME types will be objects), false outside a Jupyter kernel.
    /// </summary>
    public static bool EnsureForCurrentRequest()
    {
        Assembly? jupyter = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == JupyterAssembly);
        Type? contextType = jupyter?.GetType(ContextTypeName, throwOnError: false);
        object? context = contextType?.GetProperty("Current", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        FieldInfo? senderField = contextType?.GetField("<JupyterMessageSender>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance);
        if (context is null || senderField is null || !senderField.FieldType.IsInterface)
        {
            return false;
        }

        object? sender = senderField.GetValue(context);
        if (sender is null or JsonMimeSender)
        {
            return sender is not null;
        }

        object proxy = DispatchProxy.Create(senderField.FieldType, typeof(JsonMimeSender));
        ((JsonMimeSender)proxy).Inner = sender;
        senderField.SetValue(context, proxy);
        return true;
    }

    /// <summary>True for MIME types whose value is JSON: <c>application/json</c> and <c>*/*+json</c>.</summary>
    /// <param name="mimeType">The MIME type.</param>
    public static bool IsJsonMimeType(string mimeType) =>
        mimeType is not null && (mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal));

    /// <summary>
    /// A copy of <paramref name="data"/> in which string values of JSON MIME types are parsed (a value that is not valid JSON
    /// stays a string); null when nothing needed parsing.
    /// </summary>
    /// <param name="data">A MIME bundle as the Jupyter bridge builds it.</param>
    public static Dictionary<string, object>? ParseJsonValues(IReadOnlyDictionary<string, object> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Dictionary<string, object>? parsed = null;
        foreach ((string mime, object value) in data)
        {
            if (value is string text && IsJsonMimeType(mime) && TryParse(text, out JsonElement element))
            {
                parsed ??= new Dictionary<string, object>(data, StringComparer.Ordinal);
                parsed[mime] = element;
            }
        }

        return parsed;
    }

    private static bool TryParse(string text, out JsonElement element)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            element = doc.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }

    /// <summary>Rewrites the <c>Data</c> of an outgoing message (see <see cref="ParseJsonValues"/>) and forwards every call.</summary>
    internal static void Rewrite(object message)
    {
        for (Type? t = message.GetType(); t is not null; t = t.BaseType)
        {
            FieldInfo? field = t.GetField("<Data>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance);
            if (field is not null)
            {
                if (field.GetValue(message) is IReadOnlyDictionary<string, object> data && ParseJsonValues(data) is { } parsed)
                {
                    field.SetValue(message, parsed);
                }

                return;
            }
        }
    }
}

/// <summary>The proxy <see cref="JupyterJsonOutputs"/> puts in front of the Jupyter bridge's message sender.</summary>
public class JsonMimeSender : DispatchProxy
{
    /// <summary>The bridge's own sender, which every call is forwarded to.</summary>
    public object? Inner { get; set; }

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (args is [{ } message])
        {
            try
            {
                JupyterJsonOutputs.Rewrite(message);
            }
            catch (Exception e) when (e is FieldAccessException or ArgumentException or TargetException)
            {
                // Forward the message unchanged rather than lose an output.
            }
        }

        try
        {
            return targetMethod.Invoke(Inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
