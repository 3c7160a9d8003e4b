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

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Momentum_CyclicReferenceCase_ConsistentWithPyTorch(string id)
    {
        var c = ScheduleReference.Case(id);
        if (!c.TryGetProperty("momentum", out _))
        {
            return;
        }

        Func<int, double> momentum = ScheduleReference.Build(c) switch
        {
            OneCycleLR s => s.Momentum,
            CyclicLR s => s.Momentum,
            var s => throw new InvalidOperationException($"{s.Name} has no momentum"),
        };
        ScheduleReference.AssertSequence($"{id} momentum", c.Doubles("momentum"), momentum);
    }

    [Fact]
    public void ReferenceFile_CoversEveryScheduleKind_AtLeastThreeParameterSets()
    {
        var counts = ScheduleReference.Cases.GroupBy(c => c.S("kind")).ToDictionary(g => g.Key, g => g.Count());
        string[] kinds =
        [
            "StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR", "CosineAnnealingLR",
            "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR", "LambdaLR", "MultiplicativeLR", "SequentialLR",
            "ExponentialDecay", "InverseTimeDecay", "PiecewiseConstantDecay", "PolynomialDecay", "CosineDecay", "CosineDecayRestarts",
        ];
        foreach (string kind in kinds)
        {
            Assert.True(counts.GetValueOrDefault(kind) >= 3, $"{kind}: {counts.GetValueOrDefault(kind)} reference cases, want >= 3");
        }
    }
}
