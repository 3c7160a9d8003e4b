using System.Globalization;

namespace NormDecay.Cli.Commands;

/// <summary>
/// Parsed arguments of one verb: positional paths, flags and valued options (<c>-o DIR</c>, <c>--timeout=30</c>). Only the
/// coursework verbs still read their options through it (<see cref="Coursework.CourseworkCommand"/>, called by
/// <see cref="AssignCommand"/> and <see cref="GradeCommand"/>); every other verb is parsed by Spectre.Console.Cli.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);

    private CommandLine(string verb) => Verb = verb;

    /// <summary>The verb (first argument), lowercased; "" when none.</summary>
    public string Verb { get; }

    /// <summary>Positional arguments after the verb.</summary>
    public List<string> Paths { get; } = [];

    /// <summary>
    /// Parses <paramref name="args"/>. Options listed in <paramref name="valued"/> take a value (next argument or after
    /// '='); any other argument starting with '-' is a flag.
    /// </summary>
    /// <exception cref="UsageException">A valued option has no value.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlySet<string> valued)
    {
        ArgumentNullException.ThrowIfNull(args);
        var cl = new CommandLine(args.Count > 0 ? args[0].ToLowerInvariant() : "");
        for (int i = 1; i < args.Count; i++)
        {
            string a = args[i];
            if (a.Length > 1 && a[0] == '-')
            {
                string name = a, value;
                int eq = a.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    name = a[..eq];
                    value = a[(eq + 1)..];
                    cl.options[name] = value;
                }
                else if (valued.Contains(a))
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new UsageException($"Option {a} needs a value.");
                    }

                    cl.options[a] = args[++i];
                }
                else
                {
                    cl.options[a] = null;
                }
            }
            else
            {
                cl.Paths.Add(a);
            }
        }

        return cl;
    }

    /// <summary>True when any of <paramref name="names"/> was given.</summary>
    public bool Has(params string[] names) => names.Any(options.ContainsKey);

    /// <summary>The value of the first of <paramref name="names"/> given, or null.</summary>
    public string? Value(params string[] names) => names.Select(n => options.TryGetValue(n, out string? v) ? v : null).FirstOrDefault(v => v is not null);

    /// <summary>An integer option of at least <paramref name="minimum"/> (default 1: positive), or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="UsageException">The value is not a whole number of at least <paramref name="minimum"/>.</exception>
    public int Int(string name, int fallback, int minimum = 1)
    {
        string? v = Value(name);
        if (v is null)
        {
            return fallback;
        }

        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= minimum
            ? n
            : throw new UsageException(minimum == 1
                ? $"Option {name} must be a positive whole number, not '{v}'."
                : $"Option {name} must be a whole number >= {minimum}, not '{v}'.");
    }

    /// <summary>Options given that are not in <paramref name="known"/>.</summary>
    public IEnumerable<string> Unknown(IEnumerable<string> known) => options.Keys.Except(known);
}
