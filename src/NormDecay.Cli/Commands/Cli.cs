using NormDecay.Cli.Export;
using NormDecay.Cli.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// The <c>normdecay</c> command line on Spectre.Console.Cli: one class per verb (<see cref="BuildCommand"/>,
/// <see cref="RunCommand"/>, <see cref="ExportCommand"/>, <see cref="CheckCommand"/>, <see cref="TranslateCommand"/>,
/// <see cref="AssignCommand"/>, <see cref="GradeCommand"/>). <c>--help</c> on the tool or on any verb lists every option with
/// its default; a mistyped verb gets a "did you mean"; exit codes are <see cref="ExitCodes"/>.
/// </summary>
public sealed class Cli(TextWriter output, TextWriter error, string currentDirectory, ISiteExport? export = null)
{
    private readonly CliContext context = new(output, error, currentDirectory, export ?? new SiteExport());

    /// <summary>Runs the verb in <paramref name="args"/> and returns the exit code.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count > 0 && args[0] == "help")
        {
            args = [.. args.Skip(1), "--help"]; // "normdecay help run" is "normdecay run --help"
        }

        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliContext), context);
        IAnsiConsole console = Console(output);
        IAnsiConsole errorConsole = Console(error);
        var app = new CommandApp(registrar);
        app.Configure(c =>
        {
            c.SetApplicationName("normdecay");
            c.ConfigureConsole(console);
            c.UseStrictParsing();
            c.CancellationExitCode(ExitCodes.Interrupted);
            c.SetExceptionHandler((e, _) =>
            {
                if (e is CommandAppException { Pretty: { } pretty })
                {
                    errorConsole.Write(pretty);
                }
                else
                {
                    errorConsole.WriteLine("error: " + e.Message.TrimEnd());
                }

                errorConsole.WriteLine("Run 'normdecay --help' (or 'normdecay VERB --help') for the verbs and their options.");
                return ExitCodes.Usage;
            });
            c.AddCommand<BuildCommand>("build")
                .WithDescription("Execute every notebook under notebooks/{en,fa} into artifacts/notebooks/{en,fa}/, then export the site to artifacts/site/.")
                .WithExample("build")
                .WithExample("build", "--parallel", "1", "--no-export");
            c.AddCommand<RunCommand>("run")
                .WithDescription("Execute notebooks; executed copies go to an output folder, a source changes only with --in-place.")
                .WithExample("run", "notebooks/en/05-test-time.ipynb")
                .WithExample("run", "notebooks/fa", "-o", "out");
            c.AddCommand<ExportCommand>("export")
                .WithDescription("HTML site from executed notebooks: index, one page per notebook with a download link, vendored assets; works offline.")
                .WithExample("export", "artifacts/notebooks", "-o", "artifacts/site");
            c.AddCommand<CheckCommand>("check")
                .WithDescription("Check nbformat, metadata, cell ids, the setup cell, cleared outputs and English/Persian parity.")
                .WithExample("check", "notebooks");
            c.AddCommand<TranslateCommand>("translate")
                .WithDescription("Regenerate notebooks/fa/ from notebooks/en/ and notebooks/i18n/fa/*.json (--stub: write translation skeletons).")
                .WithExample("translate")
                .WithExample("translate", "--stub");
            c.AddCommand<AssignCommand>("assign")
                .WithDescription("The student release of an assignment: solutions stubbed, hidden tests removed, outputs cleared.")
                .WithExample("assign", "notebooks/en/a1-batchnorm.ipynb", "-o", "course");
            c.AddCommand<GradeCommand>("grade")
                .WithDescription("Written answers get the note \"manual: needs the instructor\" (0 automatic points). Grades submissions, each in a bubblewrap sandbox that returns values only: long and wide gradebooks and one feedback page per student and assignment.")
                .WithExample("grade", "course/submitted", "-o", "course")
                .WithExample("grade", "course/submitted", "-o", "shard-0", "--shard", "0/4");
            c.AddCommand<MergeCommand>("merge")
                .WithDescription("Merge the gradebooks and feedback that grade --shard I/N wrote into one folder.")
                .WithExample("merge", "shard-0", "shard-1", "-o", "course");
        });
        return await app.RunAsync(args, cancellationToken).ConfigureAwait(false);
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        bool terminal = ReferenceEquals(writer, System.Console.Out) ? !System.Console.IsOutputRedirected
            : ReferenceEquals(writer, System.Console.Error) && !System.Console.IsErrorRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 120; // redirected or captured: lines as wide as the README's, not 80 columns
        }

        return console;
    }
}
