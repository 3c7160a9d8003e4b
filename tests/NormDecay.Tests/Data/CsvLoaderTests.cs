using NormDecay.Data;

namespace NormDecay.Tests.Data;

public sealed class CsvLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "normdecay-csv-" + Guid.NewGuid().ToString("N"));

    public CsvLoaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Load_WellFormedFile_ReadsFeaturesLabelsAndNames()
    {
        string path = Write("ok.csv", "a,label,b\n1.5,1,-2e3\n0,0,4\n\n");
        Dataset d = CsvLoader.Load(path);
        Assert.Equal("ok", d.Name);
        Assert.Equal(new[] { "a", "b" }, d.FeatureNames);
        Assert.Equal(new[] { 1, 0 }, d.Labels);
        Assert.Equal(new[] { "0", "1" }, d.ClassNames);
        Assert.Equal(1.5, d.X[0, 0]);
        Assert.Equal(-2000, d.X[0, 1]);
        Assert.Equal(4, d.X[1, 1]);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingThePath()
    {
        string path = Path.Combine(_folder, "nope.csv");
        var e = Assert.Throws<FileNotFoundException>(() => CsvLoader.Load(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Load_NonNumericCell_ThrowsNamingFileLineAndColumn()
    {
        string path = Write("bad.csv", "a,b,label\n1,2,0\n3,x7,1\n");
        var e = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));
        Assert.Equal(3, e.LineNumber);
        Assert.Equal("b", e.Column);
        Assert.Contains(path, e.Message);
        Assert.Contains("line 3", e.Message);
        Assert.Contains("'x7'", e.Message);
    }

    [Fact]
    public void Load_WrongCellCount_ThrowsNamingLine()
    {
        string path = Write("short.csv", "a,b,label\n1,2,0\n1,2,0\n4,1\n");
        var e = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));
        Assert.Equal(4, e.LineNumber);
        Assert.Null(e.Column);
        Assert.Contains("2 cells", e.Message);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-1")]
    [InlineData("cat")]
    public void Load_BadLabel_ThrowsNamingLabelColumn(string label)
    {
        string path = Write("label.csv", $"a,label\n1,0\n2,{label}\n");
        var e = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));
        Assert.Equal(3, e.LineNumber);
        Assert.Equal("label", e.Column);
    }

    [Fact]
    public void Load_CommaDecimalSeparator_IsRejectedNotMisread()
    {
        // "1,5" in a culture with a decimal comma must not silently become two cells that happen to fit.
        string path = Write("comma.csv", "a,label\n1,5,0\n");
        Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));
    }

    [Fact]
    public void Load_NoLabelColumn_ThrowsListingHeader()
    {
        string path = Write("nolabel.csv", "a,b\n1,2\n");
        var e = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path, "target"));
        Assert.Equal(1, e.LineNumber);
        Assert.Contains("'target'", e.Message);
        Assert.Contains("a, b", e.Message);
    }

    [Fact]
    public void Load_NaNCell_IsRejected()
    {
        string path = Write("nan.csv", "a,label\n1,0\nNaN,1\n");
        var e = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));
        Assert.Equal(3, e.LineNumber);
        Assert.Equal("a", e.Column);
    }

    [Fact]
    public void Load_HeaderOnly_Throws()
    {
        string path = Write("empty.csv", "a,label\n");
        Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));
    }
}
