using NormDecay.Data;

namespace NormDecay.Tests.Data;

public sealed class DataFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "normdecay-folder-" + Guid.NewGuid().ToString("N"));

    public DataFolderTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Locate_FromTestBinFolder_FindsTheRepositoryData()
    {
        string folder = DataFolder.Locate();
        Assert.True(File.Exists(Path.Combine(folder, "digits.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "wine.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "iris.csv")));
    }

    [Fact]
    public void Search_EnvironmentVariableNamesFolderWithMarker_WinsOverWalking()
    {
        string custom = Directory.CreateDirectory(Path.Combine(_root, "mine")).FullName;
        File.WriteAllText(Path.Combine(custom, "digits.csv"), "p0,label\n1,0\n");
        Assert.Equal(custom, DataFolder.Search(custom, [Directory.GetCurrentDirectory()]));
    }

    [Fact]
    public void Search_StartInNotebookFolder_WalksUpToData()
    {
        // Layout of the repository: <root>/data/digits.csv, notebooks run in <root>/notebooks/fa.
        Directory.CreateDirectory(Path.Combine(_root, "data"));
        File.WriteAllText(Path.Combine(_root, "data", "digits.csv"), "p0,label\n1,0\n");
        string notebooks = Directory.CreateDirectory(Path.Combine(_root, "notebooks", "fa")).FullName;
        Assert.Equal(Path.Combine(_root, "data"), DataFolder.Search(null, [notebooks]));
    }

    [Fact]
    public void Search_NothingFound_ListsEveryPlaceLooked()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_root, "empty", "deeper")).FullName;
        string bogusEnv = Path.Combine(_root, "nowhere");
        var e = Assert.Throws<DirectoryNotFoundException>(() => DataFolder.Search(bogusEnv, [empty]));
        Assert.Contains(bogusEnv, e.Message);
        Assert.Contains(empty, e.Message);
        Assert.Contains("NORMDECAY_DATA", e.Message);
    }
}
