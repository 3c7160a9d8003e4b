using NormDecay.Cli.IO;

namespace NormDecay.Cli.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void WriteAllText_ExistingFile_IsReplacedAndNoTempFileRemains()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-atomic-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(dir, "sub", "page.html");
            AtomicFile.WriteAllText(path, "old");
            AtomicFile.WriteAllText(path, "نو");
            Assert.Equal("نو", File.ReadAllText(path));
            Assert.Equal([path], Directory.GetFiles(Path.Combine(dir, "sub")));
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]); // no BOM
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void WriteAllBytes_SameContent_LeavesTheFileUntouched()
    {
        string path = Path.Combine(Path.GetTempPath(), "nd-atomic-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            AtomicFile.WriteAllBytes(path, [1, 2, 3]);
            var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, stamp);
            AtomicFile.WriteAllBytes(path, [1, 2, 3]);
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
            AtomicFile.WriteAllBytes(path, [1, 2, 4]);
            Assert.NotEqual(stamp, File.GetLastWriteTimeUtc(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
