using FsCheck;
using FsCheck.Fluent;
using NormDecay.Schedules;

namespace NormDecay.Tests.Schedules;

/// <summary>Property tests over every schedule of <see cref="ScheduleCatalog"/>.</summary>
public class ScheduleCatalogTests
{
    private static readonly IReadOnlyList<ScheduleCatalogEntry> Entries = ScheduleCatalog.All();

    private static readonly Arbitrary<int> Steps = Gen.Choose(0, 3000).ToArbitrary();

    [Fact]
    public void All_EverySchedule_HasDistinctNameFormulaAndFamily()
    {
        Assert.True(Entries.Count >= 35);
        Assert.Equal(Entries.Count, Entries.Select(e => e.Schedule.Name).Distinct().Count());
        foreach (var e in Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Schedule.Formula), e.Schedule.Name);
            Assert.Contains(e.Family, new[] { "PyTorch", "Keras", "Ng", "Other" });
            Assert.True(e.Min <= e.Max, e.Schedule.Name);
        }
    }

    /// <summary>
    /// The schedule types with no PyTorch/Keras/Ng reference vector in schedules.json, each with the reason and the
    /// test that checks it instead (by <c>nameof</c>, so renaming or deleting that test breaks the build).
    /// </summary>
    private static readonly Dictionary<Type, (string Reason, string CheckedBy)> WithoutReferenceVector = new()
    {
        [typeof(ConstantRate)] = ("a constant has no framework scheduler of its own (PyTorch's ConstantLR, referenced, is the factor form)",
            nameof(LearningRate_AnyStep_StaysWithinDocumentedBounds)),
        [typeof(LinearDecay)] = ("the article's lr0 -> lrEnd line over T steps; PyTorch's LinearLR (referenced) is the factor form",
            nameof(ScheduleBehaviourTests.LinearDecay_Midpoint_IsAverageOfEnds)),
        [typeof(LogarithmicDecay)] = ("the article's log-linear decay has no framework counterpart; it equals ExponentialLR (referenced) with a matching gamma",
            nameof(ScheduleBehaviourTests.LogarithmicDecay_BeforeEnd_EqualsExponentialLRWithMatchingGamma)),
        [typeof(ClampedCosineAnnealing)] = ("d2l's clamped cosine per epoch; equals CosineAnnealingLR (referenced) up to T_max, then holds eta_min",
            nameof(ScheduleBehaviourTests.CosineAnnealingLR_PastTMax_RisesAgainWhileClampedStaysAtMinimum)),
        [typeof(ExponentialSweep)] = ("Smith's range-test sweep has no framework scheduler; its geometric closed form is checked directly",
            nameof(ExponentialSweepTests.LearningRate_EndsAndMiddle_AreGeometric)),
    };

    /// <summary>
    /// ISchedule types that are not training schedules and so are not in the catalogue (lesson 8 plots the catalogue), each
    /// with the reason and the test that checks it instead.
    /// </summary>
    private static readonly Dictionary<Type, (string Reason, string CheckedBy)> NotTrainingSchedules = new()
    {
        [typeof(ExponentialSweep)] = ("the learning-rate range test's sweep (rises over one pass), a measurement, not a schedule to train with",
            nameof(ExponentialSweepTests.LearningRate_EndsAndMiddle_AreGeometric)),
    };

    private static IEnumerable<Type> ConcreteScheduleTypes() => typeof(ISchedule).Assembly.GetTypes()
        .Where(t => typeof(ISchedule).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false });

    [Fact]
    public void All_EveryConcreteScheduleType_IsInTheCatalogue()
    {
        var inCatalogue = Entries.Select(e => e.Schedule.GetType()).ToHashSet();
        var missing = ConcreteScheduleTypes().Where(t => !inCatalogue.Contains(t) && !NotTrainingSchedules.ContainsKey(t)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, $"schedule types missing from ScheduleCatalog.All(): {string.Join(", ", missing)}");
        Assert.True(ConcreteScheduleTypes().Count() >= 25, $"the reflection found only {ConcreteScheduleTypes().Count()} schedule types");
    }

    [Fact]
    public void All_EveryConcreteScheduleType_HasAReferenceVectorOrAStatedReason()
    {
        var referenced = ScheduleReference.Cases.Select(c => c.S("kind")).ToHashSet();
        foreach (var type in ConcreteScheduleTypes())
        {
            bool hasVector = referenced.Contains(type.Name);
            bool excused = WithoutReferenceVector.TryGetValue(type, out var why);
            Assert.True(hasVector || excused,
                $"{type.Name} has no case in Reference/schedules/schedules.json: add one to generate.py, or list it in WithoutReferenceVector with the reason");
            Assert.False(hasVector && excused, $"{type.Name} now has a reference vector; remove it from WithoutReferenceVector ({why.Reason})");
        }

        Assert.All(WithoutReferenceVector, e => Assert.False(string.IsNullOrWhiteSpace(e.Value.Reason)));
    }

    [Fact]
    public void All_IterationSchedules_AreTheOnesThatCountBatches()
    {
        foreach (var e in Entries.Where(e => e.Schedule is CyclicLR or OneCycleLR || e.Family == "Keras"))
        {
            Assert.Equal(StepUnit.Iteration, e.Schedule.Unit);
        }

        foreach (var e in Entries.Where(e => e.Family == "Ng"))
        {
            Assert.Equal(StepUnit.Epoch, e.Schedule.Unit);
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property LearningRate_AnyStep_StaysWithinDocumentedBounds() => Prop.ForAll(Steps, step =>
    {
        foreach (var e in Entries)
        {
            double lr = e.Schedule.LearningRate(step);
            if (!(lr >= e.Min - ScheduleTolerances.Bound && lr <= e.Max + ScheduleTolerances.Bound))
            {
                throw new Xunit.Sdk.XunitException($"{e.Schedule.Name} at step {step}: {lr:R} outside [{e.Min:R}, {e.Max:R}]");
            }
        }

        return true;
    });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property LearningRate_MonotoneSchedule_NeverMovesTheWrongWay() => Prop.ForAll(Steps, step =>
    {
        foreach (var e in Entries.Where(e => e.Monotonicity != Monotonicity.None))
        {
            double now = e.Schedule.LearningRate(step), next = e.Schedule.LearningRate(step + 1);
            bool ok = e.Monotonicity == Monotonicity.NonIncreasing
                ? next <= now + ScheduleTolerances.Bound
                : next >= now - ScheduleTolerances.Bound;
            if (!ok)
            {
                throw new Xunit.Sdk.XunitException($"{e.Schedule.Name} ({e.Monotonicity}) goes from {now:R} at step {step} to {next:R}");
            }
        }

        return true;
    });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property LearningRate_PeriodicSchedule_RepeatsAfterOnePeriod() => Prop.ForAll(Steps, step =>
    {
        foreach (var e in Entries.Where(e => e.Period is not null))
        {
            double a = e.Schedule.LearningRate(step), b = e.Schedule.LearningRate(step + e.Period!.Value);
            if (Math.Abs(a - b) > 1e-12 * e.Max)
            {
                throw new Xunit.Sdk.XunitException($"{e.Schedule.Name}: step {step} gives {a:R}, step {step + e.Period} gives {b:R}");
            }
        }

        return true;
    });

    [Fact]
    public void All_Bounds_AreTightWhereReached()
    {
        // Max is documented as reached: some step within the chart window attains it.
        foreach (var e in Entries)
        {
            double max = Enumerable.Range(0, e.Steps).Max(e.Schedule.LearningRate);
            Assert.True(Math.Abs(max - e.Max) <= 1e-12, $"{e.Schedule.Name}: max over {e.Steps} steps is {max:R}, catalogue says {e.Max:R}");
        }
    }

    [Fact]
    public void LearningRate_NegativeStep_ThrowsForEverySchedule()
    {
        foreach (var e in Entries)
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => e.Schedule.LearningRate(-1));
            Assert.Equal("step", ex.ParamName);
            Assert.Contains("-1", ex.Message);
        }
    }

    [Fact]
    public void Name_UnderPersianCulture_UsesInvariantDigits()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fa-IR");
            Assert.Equal("ExponentialLR(gamma=0.95)", new ExponentialLR(0.1, 0.95).Name);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
