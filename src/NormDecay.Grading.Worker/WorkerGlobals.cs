namespace NormDecay.Grading.Worker;

/// <summary>What graded code sees as globals: the notebook's <c>display</c>, which here only prints to the (capped) log.</summary>
public sealed class WorkerGlobals
{
    /// <summary>Prints <paramref name="value"/> to the log, as the notebook would display it.</summary>
    /// <param name="value">The value.</param>
    /// <param name="mimeTypes">Ignored.</param>
    /// <returns>The value.</returns>
    public object? display(object? value, params string[] mimeTypes)
    {
        Console.WriteLine(value);
        return value;
    }
}
