using NormDecay.Schedules;

namespace NormDecay.Tests.Schedules;

/// <summary>
/// Every schedule against the committed reference vectors: PyTorch 1.13 <c>torch.optim.lr_scheduler</c> (driven step
/// by step, so PyTorch's recursive forms are what we match), Keras's schedule formulas and Ng's course forms.
/// </summary>
public class ScheduleReferenceTests
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in ScheduleReference.Cases)
        {
            data.Add(c.GetProperty("id").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void LearningRate_ReferenceCase_ConsistentWithReference(string id)
    {
        var c = ScheduleReference.Case(id);
        var schedule = ScheduleReference.Build(c);
        ScheduleReference.AssertSequence($"{id} {schedule.Name} ({c.S("source")})", c.Doubles("lr"), schedule.LearningRate);
    }

    /// <summary>The cases that record the optimizer's momentum: the momentum-cycling schedulers (CyclicLR, OneCycleLR).</summary>
    public static TheoryData<string> MomentumCaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in ScheduleReference.Cases.Where(c => c.TryGetProperty("momentum", out _)))
        {
            data.Add(c.GetProperty("id").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MomentumCaseIds))]
    public void Momentum_CyclicReferenceCase_ConsistentWithPyTorch(string id)
    {
        var c = ScheduleReference.Case(id);
        Func<int, double> momentum = ScheduleReference.Build(c) switch
        {
            OneCycleLR s => s.Momentum,
            CyclicLR s => s.Momentum,
            var s => throw new InvalidOperationException($"{id}: the reference records a momentum, but {s.Name} has none"),
        };
        ScheduleReference.AssertSequence($"{id} momentum", c.Doubles("momentum"), momentum);
    }

    [Fact]
    public void ReferenceFile_EveryMomentumCyclingCase_RecordsMomentum()
    {
        // Guards the theory above against silently shrinking: a CyclicLR or OneCycleLR case without its momentum
        // sequence would drop out of MomentumCaseIds, and another kind with one would be a generator bug.
        foreach (var c in ScheduleReference.Cases)
        {
            bool cycles = ScheduleReference.Build(c) is CyclicLR or OneCycleLR;
            Assert.True(cycles == c.TryGetProperty("momentum", out _),
                $"{c.S("id")}: momentum-cycling = {cycles}, but the case {(cycles ? "has no" : "has a")} momentum sequence");
        }

        Assert.True(MomentumCaseIds().Count >= 10, $"only {MomentumCaseIds().Count} momentum cases");
    }

    [Fact]
    public void ReferenceFile_CoversEveryScheduleKind_AtLeastThreeParameterSets()
    {
        var counts = ScheduleReference.Cases.GroupBy(c => c.S("kind")).ToDictionary(g => g.Key, g => g.Count());
        string[] kinds =
        [
            "StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR", "CosineAnnealingLR",
            "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR", "LambdaLR", "MultiplicativeLR", "SequentialLR", "Warmup",
            "ExponentialDecay", "InverseTimeDecay", "PiecewiseConstantDecay", "PolynomialDecay", "CosineDecay", "CosineDecayRestarts",
        ];
        foreach (string kind in kinds)
        {
            Assert.True(counts.GetValueOrDefault(kind) >= 3, $"{kind}: {counts.GetValueOrDefault(kind)} reference cases, want >= 3");
        }
    }
}
