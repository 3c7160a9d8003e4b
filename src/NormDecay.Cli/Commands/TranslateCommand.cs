using System.ComponentModel;
using NormDecay.Cli.Execution;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Translation;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// <c>normdecay translate [PATHS]</c>: generates notebooks/&lt;lang&gt;/ from notebooks/en/ and notebooks/i18n/&lt;lang&gt;/*.json;
/// <c>--stub</c> writes skeleton translation files instead (existing translations are kept).
/// </summary>
public sealed class TranslateCommand(CliContext context) : VerbCommand<TranslateCommand.Settings>(context)
{
    /// <summary>The options of <c>translate</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>English notebooks or folders; default notebooks/en.</summary>
        [CommandArgument(0, "[PATHS]")]
        [Description("English notebooks or folders. Default: notebooks/en of the repository.")]
        public string[] Paths { get; init; } = [];

        /// <summary>The target language.</summary>
        [CommandOption("--lang <LANG>")]
        [Description("The target language.")]
        [DefaultValue("fa")]
        public string Lang { get; init; } = "fa";

        /// <summary>Write skeleton translation files instead of notebooks.</summary>
        [CommandOption("--stub")]
        [Description("Write skeleton translation files (notebooks/i18n/<lang>/*.json) instead of notebooks; existing translations are kept.")]
        [DefaultValue(false)]
        public bool Stub { get; init; }

        /// <summary>The repository.</summary>
        [CommandOption("--root <DIR>")]
        [Description("The repository (default: found above the current folder).")]
        public string? Root { get; init; }
    }

    /// <inheritdoc/>
    protected override Task<int> RunAsync(CommandContext command, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> english = settings.Paths.Length > 0
            ? RepositoryLayout.ExpandNotebooks(settings.Paths.Select(Context.FullPath))
            : RepositoryLayout.ExpandNotebooks([Path.Combine(Root(settings), "notebooks", "en")]);
        int failures = 0;
        foreach (string en in english.Where(p => CoursePaths.LanguageOf(p) == "en"))
        {
            NotebookFile source = NotebookFile.Load(en);
            string translationPath = CoursePaths.TranslationFile(en, settings.Lang);
            TranslationFile? existing = File.Exists(translationPath) ? TranslationFile.Load(translationPath) : null;
            if (settings.Stub)
            {
                TranslationFile stub = Translator.Stub(source, settings.Lang, existing);
                stub.Save(translationPath, source.Cells.Select(c => c.Id ?? ""));
                int todo = stub.Cells.Values.Count(c => c.Text.Length == 0);
                Context.Output.WriteLine($"stub: {translationPath} ({todo} of {stub.Cells.Count} cells to translate)");
                continue;
            }

            if (existing is null)
            {
                Context.Error.WriteLine($"{en}: no translation file {translationPath} (run 'translate --stub' to create one)");
                failures++;
                continue;
            }

            try
            {
                NotebookFile translated = Translator.Translate(source, existing);
                string target = CoursePaths.Counterpart(en, settings.Lang);
                translated.Save(target);
                Context.Output.WriteLine($"translate: {target}");
            }
            catch (InvalidOperationException e)
            {
                Context.Error.WriteLine(e.Message);
                failures++;
            }
        }

        return Task.FromResult(failures == 0 ? ExitCodes.Ok : ExitCodes.Failed);
    }

    private string Root(Settings settings) =>
        (settings.Root is { } r ? Context.FullPath(r) : RepositoryLayout.FindRoot(Context.CurrentDirectory))
        ?? throw new UsageException($"No NormDecay repository (NormDecay.sln) at or above '{Context.CurrentDirectory}'; pass --root DIR.");
}
