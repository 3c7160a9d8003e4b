using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NormDecay.Grading.Worker.Protocol;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// A function the student writes, as the instructor's solution cell declares it (name, return type, parameters with
/// their defaults). The grader's tests call a proxy with this exact signature; the proxy sends the arguments to the
/// sandboxed worker and returns what the student's function returned there.
/// </summary>
/// <param name="Index">Position in the assignment's function list (the worker's call index).</param>
/// <param name="Name">The function's name.</param>
/// <param name="ReturnType">The return type as C# text.</param>
/// <param name="ParameterList">The parameter list as C# text, parentheses and defaults included.</param>
/// <param name="Parameters">Each parameter's type (C# text) and name.</param>
/// <param name="CellId">The grade_id of the solution cell that declares it.</param>
public sealed record GradedSignature(int Index, string Name, string ReturnType, string ParameterList, IReadOnlyList<(string Type, string Name)> Parameters, string CellId)
{
    /// <summary>The worker's view of the function.</summary>
    public GradedFunction ToWire() => new(Name, [.. Parameters.Select(p => p.Type)]);

    /// <summary>The proxy the grader's tests call: same signature, body sends the call to the graded code.</summary>
    public string Proxy() =>
        $"{ReturnType} {Name}{ParameterList} => __grader.Call<{ReturnType}>({Index}, new object?[] {{ {string.Join(", ", Parameters.Select(p => "@" + p.Name))} }});";

    /// <summary>The functions declared at the top level of a solution cell (script syntax, as the kernel parses it).</summary>
    /// <exception cref="InvalidDataException">A declared function is generic or returns void (the grader needs a value to compare).</exception>
    public static IEnumerable<GradedSignature> Parse(string source, string cellId, int firstIndex)
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script)).GetRoot();
        int index = firstIndex;
        foreach (SyntaxNode node in root.ChildNodes())
        {
            (string Name, TypeSyntax Return, ParameterListSyntax Params, bool Generic)? m = node switch
            {
                MethodDeclarationSyntax md => (md.Identifier.Text, md.ReturnType, md.ParameterList, md.TypeParameterList is not null),
                GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax lf } => (lf.Identifier.Text, lf.ReturnType, lf.ParameterList, lf.TypeParameterList is not null),
                _ => null,
            };
            if (m is not { } f)
            {
                continue;
            }

            string ret = f.Return.ToString().Trim();
            if (f.Generic || ret == "void")
            {
                throw new InvalidDataException($"cell '{cellId}': the graded function '{f.Name}' must return a value and not be generic (the grader compares returned values).");
            }

            yield return new GradedSignature(index++, f.Name, ret, f.Params.ToString().Trim(),
                [.. f.Params.Parameters.Select(p => (p.Type?.ToString().Trim() ?? "object", p.Identifier.Text))], cellId);
        }
    }
}
