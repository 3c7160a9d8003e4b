namespace NormDecay.Data;

/// <summary>Train/test splitting with an injected <see cref="Random"/>.</summary>
public static class DataSplit
{
    /// <summary>
    /// Splits <paramref name="data"/> into a training and a test set, as scikit-learn's <c>train_test_split</c>:
    /// the test set has <c>ceil(testFraction * N)</c> rows. Stratified (the default), each class contributes to the test
    /// set in proportion to its size (the per-class counts are <c>testFraction * n_c</c> rounded by largest remainder so
    /// they add up to the test size). Both parts are shuffled.
    /// </summary>
    /// <param name="data">The data set to split; it is not modified.</param>
    /// <param name="testFraction">Fraction of rows for the test set, in (0, 1).</param>
    /// <param name="random">The seeded source of the shuffle.</param>
    /// <param name="stratified">Keep the class proportions in both parts (default true).</param>
    /// <returns>The two parts, named <c>"&lt;name&gt; (train)"</c> and <c>"&lt;name&gt; (test)"</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When testFraction is outside (0, 1) or leaves a part empty.</exception>
    public static (Dataset Train, Dataset Test) Split(Dataset data, double testFraction, Random random, bool stratified = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(random);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), $"testFraction = {testFraction}; it must lie in (0, 1).");
        }

        int n = data.Count;
        int testCount = (int)Math.Ceiling(testFraction * n);
        if (testCount >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), $"testFraction = {testFraction} of {n} rows leaves no training rows.");
        }

        var train = new List<int>(n - testCount);
        var test = new List<int>(testCount);
        if (!stratified)
        {
            int[] order = Enumerable.Range(0, n).ToArray();
            MiniBatches.ShuffleInPlace(order, random);
            test.AddRange(order.AsSpan(0, testCount).ToArray());
            train.AddRange(order.AsSpan(testCount).ToArray());
        }
        else
        {
            int[] perClass = TestCountsPerClass(data.ClassCounts(), testFraction, testCount);
            for (int c = 0; c < data.ClassCount; c++)
            {
                int[] members = Enumerable.Range(0, n).Where(i => data.Labels[i] == c).ToArray();
                MiniBatches.ShuffleInPlace(members, random);
                test.AddRange(members.Take(perClass[c]));
                train.AddRange(members.Skip(perClass[c]));
            }

            int[] trainArray = train.ToArray(), testArray = test.ToArray();
            MiniBatches.ShuffleInPlace(trainArray, random);
            MiniBatches.ShuffleInPlace(testArray, random);
            train = [.. trainArray];
            test = [.. testArray];
        }

        return (data.Subset(train, $"{data.Name} (train)"), data.Subset(test, $"{data.Name} (test)"));
    }

    /// <summary>Largest-remainder apportionment of <paramref name="total"/> test rows over the classes.</summary>
    internal static int[] TestCountsPerClass(int[] classCounts, double fraction, int total)
    {
        var counts = new int[classCounts.Length];
        var remainders = new (double Remainder, int Class)[classCounts.Length];
        int assigned = 0;
        for (int c = 0; c < classCounts.Length; c++)
        {
            double exact = fraction * classCounts[c];
            counts[c] = (int)Math.Floor(exact);
            remainders[c] = (exact - counts[c], c);
            assigned += counts[c];
        }

        // Hand out the rest to the largest remainders; ties go to the larger class, then the lower index.
        foreach (var (_, c) in remainders.OrderByDescending(r => r.Remainder).ThenByDescending(r => classCounts[r.Class]).ThenBy(r => r.Class))
        {
            if (assigned >= total)
            {
                break;
            }

            if (counts[c] < classCounts[c])
            {
                counts[c]++;
                assigned++;
            }
        }

        return counts;
    }
}
