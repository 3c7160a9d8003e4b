namespace NormDecay.Data;

/// <summary>
/// A CSV file could not be read as a data set. The message and the properties name the file, the 1-based
/// line number and, when one cell is at fault, the column.
/// </summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="lineNumber">1-based line number (line 1 is the header).</param>
    /// <param name="column">The column at fault (its header name), or null when the whole line is at fault.</param>
    /// <param name="problem">What is wrong, e.g. <c>"'abc' is not a number"</c>.</param>
    public CsvFormatException(string path, int lineNumber, string? column, string problem)
        : base($"{path}, line {lineNumber}{(column is null ? "" : $", column '{column}'")}: {problem}")
    {
        Path = path;
        LineNumber = lineNumber;
        Column = column;
    }

    /// <summary>The file that failed to parse.</summary>
    public string Path { get; }

    /// <summary>1-based line number of the bad line (line 1 is the header).</summary>
    public int LineNumber { get; }

    /// <summary>Header name of the bad cell, or null when the whole line is at fault.</summary>
    public string? Column { get; }
}
