namespace NormDecay.Grading.Worker.Protocol;

/// <summary>One graded function the worker must expose: its name and the C# types of its parameters, as the instructor's source declares them.</summary>
/// <param name="Name">The function's name (e.g. <c>BatchNormTrain</c>).</param>
/// <param name="ParameterTypes">The parameter types as C# text (e.g. <c>Matrix&lt;double&gt;</c>), in order.</param>
public sealed record GradedFunction(string Name, IReadOnlyList<string> ParameterTypes);

/// <summary>One solution cell of the submission.</summary>
/// <param name="GradeId">The cell's grade_id (names it in messages).</param>
/// <param name="Source">The student's code.</param>
public sealed record SolutionCode(string GradeId, string Source);

/// <summary>What the grader sends first: the using directives, the student's solution cells in the instructor's order, and the functions to expose.</summary>
/// <param name="Usings">Using directives (namespaces of .NET and MathNet.Numerics only).</param>
/// <param name="Cells">The solution cells.</param>
/// <param name="Functions">The graded functions, indexed by position in <see cref="FrameKind.Call"/> frames.</param>
public sealed record GradingJob(IReadOnlyList<string> Usings, IReadOnlyList<SolutionCode> Cells, IReadOnlyList<GradedFunction> Functions);

/// <summary>What the worker answers after compiling: for each function, null when it can be called, else why not.</summary>
/// <param name="FunctionErrors">One entry per <see cref="GradingJob.Functions"/>: null, or the compiler's (or runtime's) message.</param>
/// <param name="CellErrors">Messages of cells that did not compile or threw at top level (grade_id: message).</param>
public sealed record ReadyReport(IReadOnlyList<string?> FunctionErrors, IReadOnlyList<string> CellErrors);
