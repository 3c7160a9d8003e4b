namespace NormDecay.Cli.Notebooks;

/// <summary>
/// The first code cell of every notebook, identical in every language. It references the libraries that
/// <c>dotnet run --project src/NormDecay.Cli -- build</c> (or any build of src/NormDecay.Notebook) copies to
/// <c>artifacts/lib/</c>, by a path relative to the notebook's folder (<c>notebooks/en/</c>, <c>notebooks/fa/</c>), then
/// calls <c>NormDecay.Notebook.Setup.Run()</c>: FSharp.Core fix, chart and table display, language.
/// </summary>
public static class SetupCell
{
    /// <summary>The exact text of the setup cell (lines end with "\n", the last line has none).</summary>
    public const string Text =
        "#r \"../../artifacts/lib/MathNet.Numerics.dll\"\n" +
        "#r \"../../artifacts/lib/Plotly.NET.dll\"\n" +
        "#r \"../../artifacts/lib/Plotly.NET.CSharp.dll\"\n" +
        "#r \"../../artifacts/lib/NormDecay.dll\"\n" +
        "#r \"../../artifacts/lib/NormDecay.Charts.dll\"\n" +
        "#r \"../../artifacts/lib/NormDecay.Notebook.dll\"\n" +
        "NormDecay.Notebook.Setup.Run();";

    /// <summary>True when <paramref name="source"/> is the setup cell (line endings and trailing white space ignored).</summary>
    public static bool Matches(string source) =>
        string.Equals(Normalize(source), Normalize(Text), StringComparison.Ordinal);

    private static string Normalize(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
