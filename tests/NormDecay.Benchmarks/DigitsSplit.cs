using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Benchmarks;

/// <summary>
/// The digits split both sides use: data/digits.csv, the first floor(0.8 n) rows (1437 of 1797) train,
/// the rest test, in file order; features standardised with the training rows' mean and biased
/// standard deviation (constant columns keep scale 1). bench.py applies the same rule.
/// Read here rather than through the library's loader so both sides provably see the same rows.
/// </summary>
public sealed record DigitsSplit(Matrix<double> TrainX, int[] TrainY, Matrix<double> TestX, int[] TestY)
{
    public static DigitsSplit Load()
    {
        string path = Path.Combine(RepoRoot(), "data", "digits.csv");
        if (!File.Exists(path))
            throw new FileNotFoundException($"digits data '{path}' not found", path);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        int labelCol = Array.FindIndex(header, h => h.Trim().Equals("label", StringComparison.OrdinalIgnoreCase));
        if (labelCol < 0)
            labelCol = header.Length - 1;
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            var fields = lines[i].Split(',');
            if (fields.Length != header.Length)
                throw new InvalidDataException($"{path}:{i + 1}: {fields.Length} fields, header has {header.Length}");
            labels.Add((int)double.Parse(fields[labelCol], CultureInfo.InvariantCulture));
            rows.Add(fields.Where((_, c) => c != labelCol).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray());
        }
        int nTrain = (int)Math.Floor(0.8 * rows.Count);
        var all = Matrix<double>.Build.DenseOfRowArrays(rows);
        var train = all.SubMatrix(0, nTrain, 0, all.ColumnCount);
        var test = all.SubMatrix(nTrain, rows.Count - nTrain, 0, all.ColumnCount);
        for (int c = 0; c < all.ColumnCount; c++)
        {
            var column = train.Column(c);
            double mean = column.Average();
            double std = Math.Sqrt(column.Select(v => (v - mean) * (v - mean)).Average());
            if (std == 0)
                std = 1;
            train.SetColumn(c, train.Column(c).Subtract(mean).Divide(std));
            test.SetColumn(c, test.Column(c).Subtract(mean).Divide(std));
        }
        return new DigitsSplit(train, labels.Take(nTrain).ToArray(), test, labels.Skip(nTrain).ToArray());
    }

    /// <summary>The checkout root: the first directory upwards from the binary or the working directory holding NormDecay.sln.</summary>
    public static string RepoRoot()
    {
        if (Environment.GetEnvironmentVariable("NORMDECAY_ROOT") is { Length: > 0 } root)
            return root;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NormDecay.sln")))
                    return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"NormDecay.sln not found above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'; set NORMDECAY_ROOT or run from the checkout");
    }
}
