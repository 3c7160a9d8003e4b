namespace NormDecay.Charts.Internal;

/// <summary>A JSON object under construction (plotly's attribute tree). Keys keep insertion order.</summary>
internal sealed class JsonObj : Dictionary<string, object?>
{
    public JsonObj()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>The nested object at <paramref name="key"/>, created when absent.</summary>
    public JsonObj Obj(string key)
    {
        if (TryGetValue(key, out var value) && value is JsonObj existing)
        {
            return existing;
        }

        var created = new JsonObj();
        this[key] = created;
        return created;
    }
}
