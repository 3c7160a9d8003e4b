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
