using System.Text;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NormDecay.Grading.Worker.Protocol;

namespace NormDecay.Grading.Worker;

/// <summary>
/// Compiles a submission's solution cells as the notebook kernel does (C# script submissions, one per cell) against .NET
/// and MathNet.Numerics only, and exposes each graded function as a delegate taking its arguments as objects.
/// A cell that does not compile is skipped (the functions it should define report the compiler's message), so one
/// broken cell costs only the parts that call it.
/// </summary>
public sealed class SolutionHost
{
    /// <summary>Namespaces every cell sees, as in the notebook kernel.</summary>
    public static readonly IReadOnlyList<string> DefaultUsings =
        ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks", "MathNet.Numerics.LinearAlgebra"];

    private readonly Func<object?[], object?>?[] functions;

    private SolutionHost(Func<object?[], object?>?[] functions, ReadyReport report)
    {
        this.functions = functions;
        Report = report;
    }

    /// <summary>Which functions compiled, and why the others did not.</summary>
    public ReadyReport Report { get; }

    /// <summary>The script options: .NET and MathNet.Numerics, no <c>#r</c> or <c>#load</c> of anything else.</summary>
    public static ScriptOptions Options { get; } = ScriptOptions.Default
        .AddReferences(typeof(Matrix<double>).Assembly, typeof(System.Collections.Concurrent.ConcurrentDictionary<,>).Assembly)
        .WithMetadataResolver(ScriptMetadataResolver.Default.WithSearchPaths().WithBaseDirectory("/nonexistent"))
        .WithSourceResolver(new SourceFileResolver([], "/nonexistent"))
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithEmitDebugInformation(false)
        .WithAllowUnsafe(false);

    /// <summary>Compiles and runs the job's cells (their top-level statements run once, here).</summary>
    public static async Task<SolutionHost> CompileAsync(GradingJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var globals = new WorkerGlobals();
        string usings = string.Concat(DefaultUsings.Concat(job.Usings).Distinct().Select(u => $"using {u};\n"));
        var cellErrors = new List<string>();
        var fnErrors = new string?[job.Functions.Count];
        var fns = new Func<object?[], object?>?[job.Functions.Count];

        // Fast path: every cell and every dispatcher in one compilation (one compiler pass instead of one per cell).
        string joined = usings + string.Concat(job.Cells.Select(c => Clean(c.Source) + "\n")) +
            "new global::System.Func<object?[], object?>?[] {" + string.Join(",", job.Functions.Select(Dispatcher)) + "}";
        Script<Func<object?[], object?>?[]> whole = CSharpScript.Create<Func<object?[], object?>?[]>(joined, Options, typeof(WorkerGlobals));
        if (!whole.Compile().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            ScriptState<Func<object?[], object?>?[]> done = await whole.RunAsync(globals, _ => true).ConfigureAwait(false);
            if (done.Exception is null)
            {
                return new SolutionHost(done.ReturnValue, new ReadyReport(fnErrors, cellErrors));
            }

            cellErrors.Add("a solution cell threw when it ran: " + FirstLine(done.Exception));
        }

        // Slow path, as the kernel: one submission per cell; a failing cell is reported and skipped.
        ScriptState state = await CSharpScript.RunAsync(usings, Options, globals, typeof(WorkerGlobals)).ConfigureAwait(false);
        foreach (SolutionCode cell in job.Cells)
        {
            try
            {
                ScriptState next = await state.ContinueWithAsync(Clean(cell.Source), Options, _ => true).ConfigureAwait(false);
                if (next.Exception is not null)
                {
                    cellErrors.Add($"{cell.GradeId}: threw when it ran: {FirstLine(next.Exception)}");
                }

                state = next;
            }
            catch (CompilationErrorException e)
            {
                cellErrors.Add($"{cell.GradeId}: {string.Join("; ", e.Diagnostics.Take(3).Select(d => d.ToString()))}");
            }
        }

        for (int i = 0; i < job.Functions.Count; i++)
        {
            try
            {
                ScriptState<Func<object?[], object?>> d = await state.ContinueWithAsync<Func<object?[], object?>>(Dispatcher(job.Functions[i]), Options).ConfigureAwait(false);
                fns[i] = d.ReturnValue;
            }
            catch (CompilationErrorException e)
            {
                fnErrors[i] = string.Join("; ", e.Diagnostics.Take(3).Select(x => x.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return new SolutionHost(fns, new ReadyReport(fnErrors, cellErrors));
    }

    /// <summary>Calls function <paramref name="index"/>.</summary>
    /// <exception cref="InvalidOperationException">The function did not compile.</exception>
    public object? Call(int index, object?[] args) =>
        (uint)index < (uint)functions.Length && functions[index] is { } f ? f(args) : throw new InvalidOperationException($"function #{index} is not available: {Report.FunctionErrors.ElementAtOrDefault(index)}");

    private static string Dispatcher(GradedFunction f)
    {
        var sb = new StringBuilder("new global::System.Func<object?[], object?>(__args => (object?)").Append(f.Name).Append('(');
        for (int i = 0; i < f.ParameterTypes.Count; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append('(').Append(f.ParameterTypes[i]).Append(")__args[").Append(i).Append("]!");
        }

        return sb.Append("))").ToString();
    }

    /// <summary>Drops notebook-only directive lines (<c>#!</c> magics, <c>#r</c>, <c>#i</c>, <c>#load</c>): graded code loads nothing.</summary>
    private static string Clean(string source) => string.Join("\n", source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
        .Select(l => l.TrimStart() is var t && (t.StartsWith("#!", StringComparison.Ordinal) || t.StartsWith("#r ", StringComparison.Ordinal) || t.StartsWith("#i ", StringComparison.Ordinal) || t.StartsWith("#load", StringComparison.Ordinal)) ? "" : l));

    private static string FirstLine(Exception e) => $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
}
