namespace NormDecay.Data;

/// <summary>
/// The three real data sets shipped in <c>data/</c> (UCI, CC BY 4.0; see <c>data/README.md</c>), loaded from their
/// CSV files each call (a fresh, independent copy, so a notebook may modify it).
/// </summary>
public static class Datasets
{
    /// <summary>
    /// UCI Optical Recognition of Handwritten Digits, the 8x8 version bundled with scikit-learn: 1,797 examples,
    /// 64 features <c>p0..p63</c> (pixel counts 0..16, row-major), 10 classes <c>"0".."9"</c>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When the data folder is not found (see <see cref="DataFolder.Locate"/>).</exception>
    public static Dataset Digits() =>
        CsvLoader.Load(DataFolder.PathOf("digits.csv"), "label", "UCI digits (8x8)",
            ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

    /// <summary>
    /// UCI Wine: 178 wines from three cultivars, 13 chemical measurements on very different scales
    /// (hue about 1, proline about 750), classes <c>class_0..class_2</c>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When the data folder is not found.</exception>
    public static Dataset Wine() =>
        CsvLoader.Load(DataFolder.PathOf("wine.csv"), "label", "UCI wine", ["class_0", "class_1", "class_2"]);

    /// <summary>
    /// Fisher's Iris (UCI): 150 flowers, 4 measurements in cm, classes <c>setosa, versicolor, virginica</c> (50 each).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When the data folder is not found.</exception>
    public static Dataset Iris() =>
        CsvLoader.Load(DataFolder.PathOf("iris.csv"), "label", "UCI iris", ["setosa", "versicolor", "virginica"]);
}
