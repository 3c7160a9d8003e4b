using System.Text.Json;
using System.Text.RegularExpressions;
using NormDecay.Charts.Output;
using Plotly.NET;

namespace NormDecay.Charts.Tests;

/// <summary>A chart serialized to plotly.js figure JSON, with the questions the tests ask of it.</summary>
internal sealed partial class FigureJson
{
    public FigureJson(GenericChart chart)
    {
        Text = ChartOutput.ToFigureJson(chart);
        // Persian labels carry a right-to-left embedding mark for the SVG layout (Internal/Bidi.cs); compare text without it.
        Root = JsonDocument.Parse(Text.Replace("\u202B", "", StringComparison.Ordinal).Replace("\\u202B", "", StringComparison.OrdinalIgnoreCase)).RootElement;
    }

    public string Text { get; }

    public JsonElement Root { get; }

    public JsonElement Data => Root.GetProperty("data");

    public JsonElement Layout => Root.GetProperty("layout");

    public int TraceCount => Data.GetArrayLength();

    public JsonElement Trace(int i) => Data[i];

    public string Title => Layout.GetProperty("title").GetProperty("text").GetString()!;

    public string AxisTitle(string axis) => Layout.GetProperty(axis).GetProperty("title").GetProperty("text").GetString()!;

    public int SliderSteps => Layout.TryGetProperty("sliders", out var s) ? s[0].GetProperty("steps").GetArrayLength() : 0;

    public bool[] StepVisibility(int step) =>
        Layout.GetProperty("sliders")[0].GetProperty("steps")[step].GetProperty("args")[0].GetProperty("visible").EnumerateArray().Select(v => v.GetBoolean()).ToArray();

    public string FontFamily => Layout.GetProperty("font").GetProperty("family").GetString()!;

    public string[] PanelTitles =>
        Layout.TryGetProperty("annotations", out var a) ? a.EnumerateArray().Select(x => x.GetProperty("text").GetString()!).ToArray() : [];

    public double[] Numbers(int trace, string key) =>
        Trace(trace).GetProperty(key).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    /// <summary>Every check a course figure must pass whatever its kind: valid figure JSON, no LaTeX, no URL.</summary>
    public FigureJson AssertClean()
    {
        Assert.True(Root.TryGetProperty("data", out _), "figure JSON has no data");
        Assert.True(Root.TryGetProperty("layout", out _), "figure JSON has no layout");
        Assert.True(Root.TryGetProperty("config", out _), "figure JSON has no config");
        Assert.DoesNotContain("http://", Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", Text, StringComparison.OrdinalIgnoreCase);
        var latex = LatexPattern().Match(Text);
        Assert.False(latex.Success, $"LaTeX in chart text: '{latex.Value}'");
        Assert.DoesNotContain("NaN", Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", Text, StringComparison.Ordinal);
        return this;
    }

    // $...$ math, or a backslash command such as \frac or \eta (JSON escapes like \u200c and \" are not commands).
    [GeneratedRegex(@"\$[^$""]+\$|\\\\[a-zA-Z]{2,}")]
    private static partial Regex LatexPattern();
}
