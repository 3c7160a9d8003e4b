using NormDecay.Notebook;

namespace NormDecay.Cli.Tests.Notebook;

public class NotebookLanguageTests
{
    [Theory]
    [InlineData("fa", "/x/notebooks/en", "fa")]
    [InlineData(" FA ", null, "fa")]
    [InlineData(null, "/x/notebooks/fa", "fa")]
    [InlineData(null, "/x/notebooks/fa/", "fa")]
    [InlineData("de", "/x/notebooks/fa", "fa")]
    [InlineData(null, "/x/notebooks/en", "en")]
    [InlineData(null, "/tmp/somewhere", "en")]
    [InlineData(null, null, "en")]
    public void Detect_EnvironmentThenFolderThenDefault(string? env, string? cwd, string expected) =>
        Assert.Equal(expected, NotebookLanguage.Detect(env, cwd));
}
