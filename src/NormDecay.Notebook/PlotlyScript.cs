using System.Reflection;
using System.Text.RegularExpressions;

namespace NormDecay.Notebook;

/// <summary>
/// plotly.min.js as Plotly.NET embeds it (resource <c>Plotly.NET.plotly-&lt;version&gt;.min.js</c>, 2.28.0 in Plotly.NET 6.0.0),
/// wrapped so it can be inlined in a notebook's HTML output and defines <c>window.Plotly</c> even where require.js is present.
/// </summary>
public static partial class PlotlyScript
{
    private static readonly Lazy<(string Version, string Source)> Loaded = new(Load);

    /// <summary>The plotly.js version embedded in Plotly.NET, e.g. "2.28.0".</summary>
    public static string Version => Loaded.Value.Version;

    /// <summary>The plotly.min.js source text, unchanged.</summary>
    public static string Source => Loaded.Value.Source;

    /// <summary>
    /// A <c>&lt;script&gt;</c> element that defines <c>window.Plotly</c> unless it is already defined. <c>define</c>,
    /// <c>module</c> and <c>exports</c> are shadowed so the UMD bundle assigns the global instead of registering an AMD
    /// module (Jupyter front ends load require.js); <c>&lt;/script</c> inside the bundle is escaped.
    /// </summary>
    public static string InlineScriptElement() =>
        "<script type=\"text/javascript\" data-normdecay=\"plotly-js\">if(!window.Plotly){(function(define,module,exports){"
        + Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n}).call(window,undefined,undefined,undefined);}</script>";

    private static (string Version, string Source) Load()
    {
        Assembly asm = typeof(Plotly.NET.GenericChart).Assembly;
        string[] names = asm.GetManifestResourceNames();
        foreach (string name in names)
        {
            Match m = ResourceName().Match(name);
            if (m.Success)
            {
                using Stream stream = asm.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return (m.Groups[1].Value, reader.ReadToEnd());
            }
        }

        throw new InvalidOperationException($"{asm.GetName().Name} {asm.GetName().Version} embeds no plotly-<version>.min.js; its resources are: {string.Join(", ", names)}.");
    }

    [GeneratedRegex(@"plotly-(\d+\.\d+\.\d+)\.min\.js$")]
    private static partial Regex ResourceName();
}
