using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;
using NormDecay.Charts.Text;

namespace NormDecay.Notebook;

/// <summary>
/// What the first code cell of every notebook calls, after referencing the libraries in <c>artifacts/lib/</c>:
/// <code>
/// #r "../../artifacts/lib/NormDecay.Notebook.dll"
/// NormDecay.Notebook.Setup.Run();
/// </code>
/// It installs <see cref="FSharpCoreFix"/> first (before any Plotly type is loaded), then registers chart and table display
/// and sets the chart language to <see cref="NotebookLanguage.Current"/>. It writes no output.
/// </summary>
public static class Setup
{
    /// <summary>The language <see cref="Run"/> found, or null before it ran.</summary>
    public static string? Language { get; private set; }

    /// <summary>Installs the FSharp.Core fix, registers display formatters, sets the chart language. Safe to call again.</summary>
    public static void Run()
    {
        FSharpCoreFix.Install();
        ParentWatch.Start();
        Language = NotebookLanguage.Current;
        Configure(Language);
    }

    // Kept out of Run so the JIT resolves no Plotly type before the FSharp.Core resolver is installed.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Configure(string language)
    {
        ChartDisplay.Register();
        MatrixDisplay.Register();
        Formatter.Register<ComparisonTable>((table, writer) => writer.Write(table.ToHtml(Language ?? CourseLanguage.Default)), NormDecay.Charts.Output.ChartOutput.HtmlMimeType);
        Formatter.Register<ComparisonTable>((table, writer) => writer.Write(table.ToString(Language ?? CourseLanguage.Default)), "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(ComparisonTable), NormDecay.Charts.Output.ChartOutput.HtmlMimeType, "text/plain");
        Formatter.Register<Claim>((claim, writer) => writer.Write(claim.ToHtml()), NormDecay.Charts.Output.ChartOutput.HtmlMimeType);
        Formatter.Register<Claim>((claim, writer) => writer.Write(claim.ToString()), "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(Claim), NormDecay.Charts.Output.ChartOutput.HtmlMimeType, "text/plain");
        ReportDisplay.Register(() => Language ?? CourseLanguage.Default);
        ChartLanguage.Apply(language);
    }
}
