using System.Text.Json.Nodes;
using NormDecay.Cli.Export;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Tests.Export;

public class OutputRendererTests
{
    // A JSON MIME type's value is given as JSON text (an object, or a string that holds the figure); others as the text itself.
    private static NotebookOutput Display(params (string Mime, string Value)[] data)
    {
        var bundle = new JsonObject();
        foreach ((string mime, string value) in data)
        {
            bundle[mime] = mime.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(value) : JsonValue.Create(value);
        }

        return new NotebookOutput(new JsonObject { ["output_type"] = "display_data", ["data"] = bundle });
    }

    [Fact]
    public void Render_PlotlyJsonBesideHtml_DrawsFromJson()
    {
        RenderedOutput r = OutputRenderer.Render(Display((OutputRenderer.PlotlyMime, "{\"data\":[{\"y\":[1,2]}],\"layout\":{\"title\":{\"text\":\"</script><b>\"}}}"), ("text/html", "<script>require.config({})</script>")), "chart-2-1");
        Assert.Equal(OutputKind.Chart, r.Kind);
        Assert.Contains("id=\"chart-2-1\"", r.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("require.config", r.Html, StringComparison.Ordinal);
        // the title cannot close the data element early, and it reads back unchanged
        Assert.Equal(1, r.Html.Split("</script>").Length - 1);
        const string open = "<script type=\"application/json\" id=\"chart-2-1-data\">";
        string script = r.Html[(r.Html.IndexOf(open, StringComparison.Ordinal) + open.Length)..r.Html.IndexOf("</script>", StringComparison.Ordinal)];
        Assert.Equal("</script><b>", (string?)JsonNode.Parse(script)!["layout"]!["title"]!["text"]);
    }

    [Fact]
    public void Render_PlotlyJsonStoredAsString_IsUnwrapped()
    {
        RenderedOutput r = OutputRenderer.Render(Display((OutputRenderer.PlotlyMime, "\"{\\\"data\\\":[]}\"")), "c");
        Assert.Equal(OutputKind.Chart, r.Kind);
        Assert.Contains(">{\"data\":[]}</script>", r.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChartWithOnlyScriptHtml_IsLeftOutWithAWarning()
    {
        RenderedOutput r = OutputRenderer.Render(Display(("text/html", "<div id=\"a\"></div><script>Plotly.newPlot('a', [])</script>")), "c");
        Assert.Equal(OutputKind.Plumbing, r.Kind);
        Assert.Contains("application/vnd.plotly.v1+json", r.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html", "<div><strong>Installed Packages</strong><ul><li>Plotly.NET, 6.0.0</li></ul></div>")]
    [InlineData("text/plain", "Installed Packages\n  Plotly.NET, 6.0.0")]
    [InlineData("text/html", "<script>loadDotnetInteractiveApi()</script>")]
    [InlineData("text/plain", "Loading extensions from `/x/Plotly.NET.Interactive.dll`")]
    public void Render_KernelPlumbing_IsDropped(string mime, string value) =>
        Assert.Equal(OutputKind.Plumbing, OutputRenderer.Render(Display((mime, value)), "c").Kind);

    [Fact]
    public void Render_Error_ShowsMessageAndTracebackWithoutAnsi()
    {
        var error = new NotebookOutput(new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = "Error",
            ["evalue"] = "boom",
            ["traceback"] = new JsonArray("\u001b[31mboom\u001b[0m", "   at X.Y()"),
        });
        RenderedOutput r = OutputRenderer.Render(error, "c");
        Assert.Equal(OutputKind.Error, r.Kind);
        Assert.Contains("boom\n   at X.Y()", r.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", r.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StreamAndPlainText_AreEscaped()
    {
        var stream = new NotebookOutput(new JsonObject { ["output_type"] = "stream", ["name"] = "stderr", ["text"] = new JsonArray("a < b ", "& c") });
        RenderedOutput r = OutputRenderer.Render(stream, "c");
        Assert.Equal("<pre class=\"nd-stream nd-stderr\">a &lt; b &amp; c</pre>", r.Html);
        Assert.Equal("<pre class=\"nd-text\">List&lt;int&gt;</pre>", OutputRenderer.Render(Display(("text/plain", "List<int>")), "c").Html);
    }

    [Fact]
    public void Render_Png_BecomesADataUrl()
    {
        RenderedOutput r = OutputRenderer.Render(Display(("image/png", "iVBORw0K\nGgo=\n")), "c");
        Assert.Equal(OutputKind.Image, r.Kind);
        Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo=\"", r.Html, StringComparison.Ordinal);
    }
}
