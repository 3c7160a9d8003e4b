using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NormDecay.Cli.Notebooks;
using NormDecay.Grading.Worker;
using NormDecay.Grading.Worker.Protocol;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// An assignment's tests as the grader runs them, in its own process where no submission's code ever runs: the
/// instructor's locked cells (usings, helpers), a proxy for each graded function (same signature; the body asks
/// <see cref="TrustedGlobals"/>), and each test cell with its hidden tests, compiled once per assignment as C# scripts.
/// A part passes when its test script runs to its end against the student's values. The instructor's own solution,
/// compiled in process (<see cref="Reference"/>), must pass every test when the key is loaded (as nbgrader's validate).
/// </summary>
public sealed partial class TrustedTests
{
    private readonly Dictionary<string, Script<object>> tests;

    private TrustedTests(IReadOnlyList<GradedSignature> functions, IReadOnlyList<string> usings, IReadOnlyList<SolutionCode> referenceCells, Dictionary<string, Script<object>> tests, ReferenceCode reference)
    {
        Functions = functions;
        WorkerUsings = usings;
        ReferenceCells = referenceCells;
        this.tests = tests;
        Reference = reference;
    }

    /// <summary>The graded functions, in source order.</summary>
    public IReadOnlyList<GradedSignature> Functions { get; }

    /// <summary>The using directives the worker compiles the student's cells with (.NET and MathNet namespaces of the instructor's locked cells).</summary>
    public IReadOnlyList<string> WorkerUsings { get; }

    /// <summary>The instructor's solution cells.</summary>
    public IReadOnlyList<SolutionCode> ReferenceCells { get; }

    /// <summary>The instructor's solution, compiled in the grader's process.</summary>
    public ReferenceCode Reference { get; }

    /// <summary>Compiles the tests of <paramref name="key"/> and checks them against the instructor's solution.</summary>
    /// <param name="key">The assignment.</param>
    /// <param name="libraryDirectory">Folder of the course libraries the instructor's cells use (artifacts/lib).</param>
    /// <exception cref="InvalidDataException">A cell does not compile, a graded function cannot be exchanged, or the instructor's solution fails its own tests (named).</exception>
    public static TrustedTests Compile(AssignmentKey key, string libraryDirectory)
    {
        ArgumentNullException.ThrowIfNull(key);
        var functions = new List<GradedSignature>();
        var referenceCells = new List<SolutionCode>();
        var locked = new List<(string Id, string Code)>();
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        bool firstCode = true;
        foreach (NotebookCell cell in key.Source.Cells)
        {
            if (!cell.IsCode)
            {
                continue;
            }

            bool setup = firstCode;
            firstCode = false;
            GradeCell? g = GradeCell.Of(cell);
            if (g is { Solution: true })
            {
                functions.AddRange(GradedSignature.Parse(cell.Source, g.GradeId, functions.Count));
                referenceCells.Add(new SolutionCode(g.GradeId, cell.Source));
            }
            else if (g is { Locked: true, Grade: false } && !setup && !SetupCell.Matches(cell.Source))
            {
                locked.Add((g.GradeId, StripDirectives(cell.Source)));
                foreach (Match m in UsingLine().Matches(cell.Source))
                {
                    string ns = m.Groups[1].Value;
                    if (ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("MathNet", StringComparison.Ordinal))
                    {
                        usings.Add(ns);
                    }
                }
            }
        }

        if (functions.Count == 0)
        {
            throw new InvalidDataException($"{key.SourcePath}: no solution cell declares a function to grade.");
        }

        ScriptOptions options = ScriptOptionsFor(libraryDirectory);
        var globalsType = typeof(TrustedGlobals);
        Script<object> prefix = CSharpScript.Create("using Console = NormDecay.Cli.Coursework.QuietConsole;", options, globalsType);
        foreach (var (id, code) in locked)
        {
            prefix = prefix.ContinueWith(code, options);
            Throw(prefix, key, id);
        }

        prefix = prefix.ContinueWith(string.Join("\n", functions.Select(f => f.Proxy())), options);
        Throw(prefix, key, "(proxies of " + string.Join(", ", functions.Select(f => f.Name)) + ")");
        var tests = new Dictionary<string, Script<object>>(StringComparer.Ordinal);
        foreach (GradedPart part in key.Parts.Where(p => !p.Manual))
        {
            Script<object> s = prefix.ContinueWith(part.Source, options);
            Throw(s, key, part.GradeId);
            tests[part.GradeId] = s;
        }

        var job = new GradingJob([.. usings], referenceCells, [.. functions.Select(f => f.ToWire())]);
        SolutionHost host = SolutionHost.CompileAsync(job).GetAwaiter().GetResult();
        if (host.Report.FunctionErrors.FirstOrDefault(e => e is not null) is { } err || host.Report.CellErrors.FirstOrDefault() is { } err2 && (err = err2) is not null)
        {
            throw new InvalidDataException($"{key.SourcePath}: the instructor's solution does not compile with .NET and MathNet.Numerics alone (graded code sees nothing else): {err}");
        }

        var trusted = new TrustedTests(functions, [.. usings], referenceCells, tests, new ReferenceCode(host));
        foreach (GradedPart part in key.Parts.Where(p => !p.Manual))
        {
            if (trusted.Run(part.GradeId, trusted.Reference).Error is { } e)
            {
                throw new InvalidDataException($"{key.SourcePath}: the instructor's solution fails its own test '{part.GradeId}': {e.Message}");
            }
        }

        return trusted;
    }

    /// <summary>Runs the test of <paramref name="gradeId"/> against <paramref name="code"/>; returns the calls made and the exception that ended it, if any.</summary>
    public (IReadOnlyList<RecordedCall> Calls, Exception? Error) Run(string gradeId, IGradedCode code)
    {
        var globals = new TrustedGlobals(code);
        try
        {
            ScriptState<object> state = tests[gradeId].RunAsync(globals, _ => true).GetAwaiter().GetResult();
            return (globals.Calls, state.Exception);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (globals.Calls, e);
        }
    }

    private static void Throw(Script script, AssignmentKey key, string cellId)
    {
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidDataException($"{key.SourcePath}: cell '{cellId}' does not compile in the grader: {string.Join("; ", errors)}");
        }
    }

    private static ScriptOptions ScriptOptionsFor(string libraryDirectory)
    {
        // The grader's own copies of the libraries it shares types with (MathNet, NormDecay, NormDecay.Charts, Plotly.NET),
        // so a Matrix<double> is the same type in the tests and here; the other course libraries as metadata.
        Assembly[] loaded = [typeof(MathNet.Numerics.LinearAlgebra.Matrix<double>).Assembly, typeof(NormDecay.Normalization.BatchNorm).Assembly,
            typeof(NormDecay.Charts.Figures.LineCharts).Assembly, typeof(TrustedGlobals).Assembly];
        var names = loaded.Select(a => a.GetName().Name + ".dll").ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Each other course library once: the copy already loaded in this process where there is one (a test host loads
        // NormDecay.Notebook, say), else the file in the library folder.
        var domain = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0)
            .GroupBy(a => a.GetName().Name + ".dll", StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Location, StringComparer.OrdinalIgnoreCase);
        var files = Directory.Exists(libraryDirectory)
            ? Directory.EnumerateFiles(libraryDirectory, "*.dll").Where(f => !names.Contains(Path.GetFileName(f)))
                .Select(f => domain.TryGetValue(Path.GetFileName(f), out string? loadedCopy) ? loadedCopy : f)
            : [];
        var domainRefs = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0 && (a.GetName().Name?.StartsWith("Plotly", StringComparison.Ordinal) == true || a.GetName().Name == "FSharp.Core"));
        var fileRefs = files.Where(f => !domainRefs.Any(a => string.Equals(a.Location, f, StringComparison.Ordinal)));
        return ScriptOptions.Default
            .AddReferences(loaded)
            .AddReferences(domainRefs)
            .AddReferences(fileRefs.Select(f => MetadataReference.CreateFromFile(f)))
            .AddImports(SolutionHost.DefaultUsings)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(false);
    }

    private static string StripDirectives(string source) => string.Join("\n", source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
        .Where(l => !l.TrimStart().StartsWith("#r ", StringComparison.Ordinal) && !l.TrimStart().StartsWith("#!", StringComparison.Ordinal)));

    [GeneratedRegex(@"^\s*using\s+([A-Za-z_][\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
