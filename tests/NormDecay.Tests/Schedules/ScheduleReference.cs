using System.Text.Json;
using NormDecay.Schedules;

namespace NormDecay.Tests.Schedules;

/// <summary>
/// Loads Reference/schedules/schedules.json (written by generate.py from PyTorch 1.13 and Keras's formulas) and
/// rebuilds each case's schedule from its parameters.
/// </summary>
internal static class ScheduleReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "schedules", "schedules.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static IEnumerable<JsonElement> Cases => Root.GetProperty("cases").EnumerateArray();

    public static IEnumerable<JsonElement> PlateauCases => Root.GetProperty("plateau").EnumerateArray();

    public static JsonElement Case(string id) => Cases.Single(c => c.GetProperty("id").GetString() == id);

    public static JsonElement PlateauCase(string id) => PlateauCases.Single(c => c.GetProperty("id").GetString() == id);

    public static double[] Doubles(this JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static int[] Ints(this JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(x => x.GetInt32()).ToArray();

    public static double D(this JsonElement p, string name) => p.GetProperty(name).GetDouble();

    public static int I(this JsonElement p, string name) => p.GetProperty(name).GetInt32();

    public static bool B(this JsonElement p, string name) => p.GetProperty(name).GetBoolean();

    public static string S(this JsonElement p, string name) => p.GetProperty(name).GetString()!;

    public static double? OptD(this JsonElement p, string name) =>
        p.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetDouble() : null;

    public static int? OptI(this JsonElement p, string name) =>
        p.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetInt32() : null;

    /// <summary>The lambdas of generate.py, by name.</summary>
    public static Func<int, double> Lambda(string kind, string name) => (kind, name) switch
    {
        ("LambdaLR", "inv") => e => 1.0 / (1.0 + 0.5 * e),
        ("LambdaLR", "pow95") => e => Math.Pow(0.95, e),
        ("LambdaLR", "step10") => e => Math.Pow(0.5, e / 10),
        ("MultiplicativeLR", "const95") => _ => 0.95,
        ("MultiplicativeLR", "alt") => e => e % 2 == 1 ? 0.9 : 1.0,
        ("MultiplicativeLR", "inv") => e => 1.0 / (1.0 + 0.01 * e),
        _ => throw new ArgumentException($"unknown lambda {kind}/{name}"),
    };

    public static ISchedule Build(string kind, JsonElement p, double lr) => kind switch
    {
        "StepLR" => new StepLR(lr, p.I("step_size"), p.D("gamma")),
        "MultiStepLR" => new MultiStepLR(lr, p.Ints("milestones"), p.D("gamma")),
        "ConstantLR" => new ConstantLR(lr, p.D("factor"), p.I("total_iters")),
        "LinearLR" => new LinearLR(lr, p.D("start_factor"), p.D("end_factor"), p.I("total_iters")),
        "ExponentialLR" => new ExponentialLR(lr, p.D("gamma")),
        "PolynomialLR" => new PolynomialLR(lr, p.I("total_iters"), p.D("power")),
        "CosineAnnealingLR" => new CosineAnnealingLR(lr, p.I("t_max"), p.D("eta_min")),
        "CosineAnnealingWarmRestarts" => new CosineAnnealingWarmRestarts(lr, p.I("t0"), p.I("t_mult"), p.D("eta_min")),
        "CyclicLR" => new CyclicLR(p.D("base_lr"), p.D("max_lr"), p.I("step_size_up"), p.OptI("step_size_down"),
            p.S("mode") switch { "triangular" => CyclicMode.Triangular, "triangular2" => CyclicMode.Triangular2, _ => CyclicMode.ExpRange },
            p.D("gamma"), p.D("base_momentum"), p.D("max_momentum")),
        "OneCycleLR" => new OneCycleLR(p.D("max_lr"), p.I("total_steps"), p.D("pct_start"),
            p.S("anneal_strategy") == "cos" ? AnnealStrategy.Cos : AnnealStrategy.Linear,
            p.D("base_momentum"), p.D("max_momentum"), p.D("div_factor"), p.D("final_div_factor"), p.B("three_phase")),
        "LambdaLR" => new LambdaLR(lr, Lambda(kind, p.S("lambda")), p.S("lambda")),
        "MultiplicativeLR" => new MultiplicativeLR(lr, Lambda(kind, p.S("lambda")), p.S("lambda")),
        "Warmup" => new Warmup(Build(p.GetProperty("inner").S("kind"), p.GetProperty("inner"), lr), p.I("warmup_steps"), p.D("start_factor"),
            p.S("mode") == "overlay" ? WarmupMode.Overlay : WarmupMode.Shift),
        "SequentialLR" => new SequentialLR(
            p.GetProperty("children").EnumerateArray().Select(c => Build(c.S("kind"), c, lr)).ToArray(), p.Ints("milestones")),
        "ExponentialDecay" => new ExponentialDecay(lr, p.I("decay_steps"), p.D("decay_rate"), p.B("staircase")),
        "InverseTimeDecay" => new InverseTimeDecay(lr, p.I("decay_steps"), p.D("decay_rate"), p.B("staircase")),
        "PiecewiseConstantDecay" => new PiecewiseConstantDecay(p.Ints("boundaries"), p.Doubles("values")),
        "PolynomialDecay" => new PolynomialDecay(lr, p.I("decay_steps"), p.D("end_rate"), p.D("power"), p.B("cycle")),
        "CosineDecay" => new CosineDecay(lr, p.I("decay_steps"), p.D("alpha"), p.OptD("warmup_target"), p.I("warmup_steps")),
        "CosineDecayRestarts" => new CosineDecayRestarts(lr, p.I("first_decay_steps"), p.D("t_mul"), p.D("m_mul"), p.D("alpha")),
        "NgInverseTimeDecay" => new NgInverseTimeDecay(lr, p.D("decay_rate")),
        "NgExponentialDecay" => new NgExponentialDecay(lr, p.D("decay_base")),
        "NgSqrtDecay" => new NgSqrtDecay(lr, p.D("k")),
        "NgStaircaseDecay" => new NgStaircaseDecay(lr, p.I("interval"), p.D("factor")),
        "NgFixedIntervalDecay" => new NgFixedIntervalDecay(lr, p.D("decay_rate"), p.I("time_interval")),
        _ => throw new ArgumentException($"no builder for {kind}"),
    };

    public static ISchedule Build(JsonElement c)
    {
        var p = c.GetProperty("params");
        double lr = p.TryGetProperty("initial_rate", out var r) ? r.GetDouble() : double.NaN;
        return Build(c.S("kind"), p, lr);
    }

    /// <summary>Compares a whole sequence and reports the first mismatching step.</summary>
    public static void AssertSequence(string label, double[] expected, Func<int, double> actual)
    {
        Assert.NotEmpty(expected);
        for (int t = 0; t < expected.Length; t++)
        {
            double a = actual(t);
            Assert.True(ScheduleTolerances.Close(expected[t], a),
                $"{label}: step {t}: expected {expected[t]:R}, got {a:R} (relative error {Math.Abs(a - expected[t]) / Math.Abs(expected[t]):E2})");
        }
    }
}
