using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Data;

/// <summary>
/// Reads a plain CSV file into a <see cref="Dataset"/>: a header line of column names, then one example per line,
/// numbers in the invariant culture (<c>.</c> as decimal separator), one integer label column.
/// </summary>
/// <remarks>
/// Deliberately small: no quoting, comma separator only, blank lines skipped. Every column except the label
/// column becomes a feature, in file order. Labels must be integers 0 .. k - 1; the class count is
/// <c>max(label) + 1</c> unless class names are given.
/// </remarks>
public static class CsvLoader
{
    /// <summary>Loads <paramref name="path"/> as a data set.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="labelColumn">Header name of the label column (default <c>"label"</c>).</param>
    /// <param name="name">Name of the data set; default: the file name without extension.</param>
    /// <param name="classNames">Names of the classes; default <c>"0", "1", ...</c> up to the largest label.</param>
    /// <exception cref="FileNotFoundException">When the file does not exist (the message gives the full path).</exception>
    /// <exception cref="CsvFormatException">When a line is malformed: wrong number of cells, a cell that is not a number,
    /// a label that is not a non-negative integer, a missing label column, or no data lines.</exception>
    public static Dataset Load(string path, string labelColumn = "label", string? name = null, string[]? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(labelColumn);
        string fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"CSV file not found: {fullPath}", fullPath);
        }

        string[] lines = File.ReadAllLines(fullPath);
        if (lines.Length == 0 || lines[0].Trim().Length == 0)
        {
            throw new CsvFormatException(fullPath, 1, null, "the header line is missing (the file is empty).");
        }

        string[] header = SplitLine(lines[0], fullPath, 1);
        int labelIndex = Array.IndexOf(header, labelColumn);
        if (labelIndex < 0)
        {
            throw new CsvFormatException(fullPath, 1, null, $"no column named '{labelColumn}' in the header ({string.Join(", ", header)}).");
        }

        string[] featureNames = header.Where((_, i) => i != labelIndex).ToArray();
        var rows = new List<double[]>(lines.Length);
        var labels = new List<int>(lines.Length);
        for (int li = 1; li < lines.Length; li++)
        {
            int lineNumber = li + 1;
            if (lines[li].Trim().Length == 0)
            {
                continue;
            }

            string[] cells = SplitLine(lines[li], fullPath, lineNumber);
            if (cells.Length != header.Length)
            {
                throw new CsvFormatException(fullPath, lineNumber, null, $"{cells.Length} cells, but the header has {header.Length} columns.");
            }

            var row = new double[featureNames.Length];
            int f = 0;
            for (int c = 0; c < cells.Length; c++)
            {
                string cell = cells[c].Trim();
                if (c == labelIndex)
                {
                    if (!int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out int label) || label < 0)
                    {
                        throw new CsvFormatException(fullPath, lineNumber, header[c], $"label '{cell}' is not a non-negative integer.");
                    }

                    labels.Add(label);
                    continue;
                }

                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                {
                    throw new CsvFormatException(fullPath, lineNumber, header[c], $"'{cell}' is not a finite number (invariant culture, '.' as decimal separator).");
                }

                row[f++] = value;
            }

            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw new CsvFormatException(fullPath, 2, null, "the file has a header but no data lines.");
        }

        int classCount = labels.Max() + 1;
        if (classNames is not null && classNames.Length < classCount)
        {
            throw new ArgumentException($"{fullPath}: labels go up to {classCount - 1} but only {classNames.Length} class names were given.", nameof(classNames));
        }

        classNames ??= Enumerable.Range(0, classCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var x = Matrix<double>.Build.Dense(rows.Count, featureNames.Length, (i, j) => rows[i][j]);
        return new Dataset(name ?? System.IO.Path.GetFileNameWithoutExtension(fullPath), x, labels.ToArray(), featureNames, classNames);
    }

    private static string[] SplitLine(string line, string path, int lineNumber)
    {
        int quote = line.IndexOf('"');
        if (quote >= 0)
        {
            throw new CsvFormatException(path, lineNumber, null, $"quoted fields are not supported (a '\"' at character {quote + 1}).");
        }

        return line.Split(',');
    }
}
