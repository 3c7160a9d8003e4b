using NormDecay.Data;

namespace NormDecay.Benchmarks;

/// <summary>The digits split (see <see cref="DigitsSplit"/>) as library <see cref="Dataset"/>s, loaded once per process.</summary>
public static class Digits
{
    static readonly Lazy<(Dataset Train, Dataset Test)> Split = new(() =>
    {
        var s = DigitsSplit.Load();
        string[] features = [.. Enumerable.Range(0, s.TrainX.ColumnCount).Select(i => $"p{i}")];
        string[] classes = [.. Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        return (new Dataset("digits train (first 80%)", s.TrainX, s.TrainY, features, classes),
                new Dataset("digits test (last 20%)", s.TestX, s.TestY, features, classes));
    });

    public static Dataset Train => Split.Value.Train;

    public static Dataset Test => Split.Value.Test;

    /// <summary>The network of every MLP workload: 64-128-128-10, ReLU, He initialisation, seeded.</summary>
    public static readonly int[] LayerSizes = [64, 128, 128, 10];

    public const int BatchSize = 64;
    public const double LearningRate = 0.1;
    public const double Momentum = 0.9;
    public const int Seed = 42;
}
