namespace NormDecay.Cli.Notebooks;

/// <summary>
/// The first code cell of every notebook, identical in every language. Its first part (a <c>#!csharp</c> submission of
/// its own, which the kernel runs before the second) checks that the libraries are there and, when one is missing, stops
/// with one sentence saying what to do, instead of the compiler's <c>CS0006</c>; the second part references the
/// libraries by a path relative to the notebook's folder and calls <c>NormDecay.Notebook.Setup.Run()</c> (FSharp.Core
/// fix, chart and table display, language). In the repository the libraries are those that any build of
/// src/NormDecay.Notebook copies to <c>artifacts/lib/</c> (<see cref="Text"/>); in a student release made by
/// <c>assign</c> they are in <c>lib/</c> beside the notebook (<see cref="ReleaseText"/>).
/// </summary>
public static class SetupCell
{
    /// <summary>The libraries the setup cell references, in order.</summary>
    public static readonly IReadOnlyList<string> Libraries = ["MathNet.Numerics", "Plotly.NET", "Plotly.NET.CSharp", "NormDecay", "NormDecay.Charts", "NormDecay.Notebook"];

    /// <summary>The exact text of the setup cell in the repository's notebooks (lines end with "\n", the last line has none).</summary>
    public static readonly string Text = Make("../../artifacts/lib",
        "build the course libraries first (dotnet build src/NormDecay.Notebook -c Release, in the repository), then run this cell again.");

    /// <summary>The setup cell of a student release: the libraries are in <c>lib/</c> beside the notebook.</summary>
    public static readonly string ReleaseText = Make("lib",
        "open this notebook from the assignment folder you were given, with its lib folder beside it (unzip the whole folder, do not move the notebook out of it), then run this cell again.");

    /// <summary>True when <paramref name="source"/> is the repository's setup cell (line endings and trailing white space ignored).</summary>
    public static bool Matches(string source) =>
        string.Equals(Normalize(source), Normalize(Text), StringComparison.Ordinal);

    /// <summary>True when <paramref name="source"/> is the repository's or a release's setup cell.</summary>
    public static bool IsSetup(string source) => Matches(source) || string.Equals(Normalize(source), Normalize(ReleaseText), StringComparison.Ordinal);

    private static string Make(string lib, string todo) =>
        "#!csharp\n" +
        "foreach (var library in new[] { " + string.Join(", ", Libraries.Select(l => "\"" + l + "\"")) + " })\n" +
        "    if (!System.IO.File.Exists($\"" + lib + "/{library}.dll\"))\n" +
        "        throw new System.IO.FileNotFoundException($\"The course library " + lib + "/{library}.dll is missing: " + todo + "\");\n" +
        "#!csharp\n" +
        string.Concat(Libraries.Select(l => "#r \"" + lib + "/" + l + ".dll\"\n")) +
        "NormDecay.Notebook.Setup.Run();";

    private static string Normalize(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
