using NormDecay.Grading.Worker.Protocol;

namespace NormDecay.Cli.Coursework;

/// <summary>Why a call into graded code gave no value; the grader's tests see it as an exception and the part fails.</summary>
public enum CallFailure
{
    /// <summary>The student's function threw (NotImplementedException included).</summary>
    Threw,

    /// <summary>The function does not exist or did not compile.</summary>
    Unavailable,

    /// <summary>It returned a value of another type, or one the grader cannot read.</summary>
    WrongType,

    /// <summary>It ran past the time limit; the sandbox was killed.</summary>
    TimedOut,

    /// <summary>It printed more than the output limit; the sandbox was killed.</summary>
    Flooded,

    /// <summary>The sandboxed process ended (crash, stack overflow, Environment.Exit, memory or CPU limit) or broke the protocol.</summary>
    Crashed,
}

/// <summary>A call into graded code that gave no value; the message is shown to the student.</summary>
public sealed class GradedCallException(CallFailure failure, string message, string? exceptionType = null) : Exception(message)
{
    /// <summary>What went wrong.</summary>
    public CallFailure Failure { get; } = failure;

    /// <summary>For <see cref="CallFailure.Threw"/>: the full name of the exception type the student's code threw.</summary>
    public string? ExceptionType { get; } = exceptionType;
}

/// <summary>Graded functions that can be called with argument values: the sandboxed worker, or the instructor's solution in process.</summary>
public interface IGradedCode
{
    /// <summary>Calls function <paramref name="index"/>; returns its value and the arguments as they were after the call (mutations).</summary>
    /// <exception cref="GradedCallException">No value came back.</exception>
    (object? Value, object?[] ArgumentsAfter) Call(int index, object?[] arguments);
}

/// <summary>
/// The instructor's own solution compiled in the grader's process: the reference for the fresh inputs and the
/// self-check of an assignment's tests. Arguments and values go through the same codec as the worker's.
/// </summary>
public sealed class ReferenceCode(Grading.Worker.SolutionHost host) : IGradedCode
{
    /// <inheritdoc/>
    public (object? Value, object?[] ArgumentsAfter) Call(int index, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        object?[] copy = RoundTrip(arguments);
        object? value;
        try
        {
            value = host.Call(index, copy);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new GradedCallException(CallFailure.Threw, e.Message, e.GetType().FullName);
        }

        return (RoundTrip([value])[0], RoundTrip(copy));
    }

    private static object?[] RoundTrip(object?[] values)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (object? v in values)
            {
                ValueCodec.Write(w, v);
            }
        }

        ms.Position = 0;
        using var r = new BinaryReader(ms);
        return [.. values.Select(_ => ValueCodec.Read(r))];
    }
}
