using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using NormDecay.Layers;
using NormDecay.Normalization;
using static NormDecay.Tests.Normalization.BatchNormVectors;

namespace NormDecay.Tests.Normalization;

/// <summary>
/// The reference implementation (<see cref="BatchNormReference"/>) against PyTorch 1.13 nn.BatchNorm1d, and the fast
/// <see cref="BatchNorm"/> layer against the reference over random shapes, ε, affine on/off, conventions and modes.
/// </summary>
public class BatchNormReferenceTests
{
    private static readonly BatchNormOptions[] Presets =
        [BatchNormOptions.PyTorch, BatchNormOptions.Keras, BatchNormOptions.Cumulative, BatchNormOptions.NoRunningStats, BatchNormOptions.CS231n, BatchNormOptions.D2l];

    /// <summary>One random case of the fast-path property.</summary>
    public sealed record Case(int Rows, int Features, double Eps, bool Affine, Mode Mode, int Preset, int WarmupBatches, int Seed)
    {
        public override string ToString() =>
            $"N={Rows} F={Features} eps={Eps:R} affine={Affine} mode={Mode} preset={Preset} warmup={WarmupBatches} seed={Seed}";
    }

    private static readonly Arbitrary<Case> Cases = (
        from rows in Gen.Choose(1, 40)
        from features in Gen.Choose(1, 12)
        from epsExponent in Gen.Choose(-8, -1)
        from affine in Gen.Elements(true, false)
        from mode in Gen.Elements(Mode.Train, Mode.Eval)
        from preset in Gen.Choose(0, Presets.Length - 1)
        from warmup in Gen.Choose(0, 3)
        from seed in Gen.Choose(0, 1_000_000)
        select new Case(rows, features, Math.Pow(10, epsExponent), affine, mode, preset, warmup, seed)).ToArbitrary();

    [Theory]
    [InlineData("pytorch")]
    [InlineData("affineFalse")]
    [InlineData("noRunningStats")]
    [InlineData("cumulative")]
    public void ForwardAndBackward_TrainBatches_ConsistentWithPyTorch(string name)
    {
        var c = Case(name);
        double eps = c.GetProperty("eps").GetDouble();
        var (gamma, beta) = Affine(c);
        int b = 0;
        foreach (var batch in c.GetProperty("batches").EnumerateArray())
        {
            var x = Matrix(batch.GetProperty("x"));
            var dOut = Matrix(batch.GetProperty("dOut"));
            var forward = BatchNormReference.Forward(x, gamma, beta, eps);
            AssertClose(Matrix(batch.GetProperty("y")), forward.Y, $"{name} batch {b} y");

            var compact = BatchNormReference.BackwardCompact(dOut, forward.XHat, forward.Variance, gamma, eps);
            var full = BatchNormReference.BackwardFull(dOut, x, forward.Mean, forward.Variance, gamma, eps);
            foreach (var (label, g) in new[] { ("compact", compact), ("full", full) })
            {
                AssertClose(Matrix(batch.GetProperty("dX")), g.DX, $"{name} batch {b} {label} dX");
                if (c.GetProperty("affine").GetBoolean())
                {
                    AssertClose(Vector(batch.GetProperty("dGamma")), g.DGamma, $"{name} batch {b} {label} dGamma");
                    AssertClose(Vector(batch.GetProperty("dBeta")), g.DBeta, $"{name} batch {b} {label} dBeta");
                }
            }

            b++;
        }
    }

    [Fact]
    public void Normalize_PyTorchRunningStatistics_ConsistentWithPyTorchEval()
    {
        // Replays the training batches through the layer to obtain PyTorch's running statistics (checked in
        // BatchNormPyTorchTests), then normalizes the eval batch with the reference formula.
        var c = Case("pytorch");
        var (gamma, beta) = Affine(c);
        var bn = new BatchNorm(4);
        foreach (var batch in c.GetProperty("batches").EnumerateArray())
        {
            bn.Forward(Matrix(batch.GetProperty("x")), Mode.Train);
        }

        var eval = BatchNormReference.Normalize(Matrix(c.GetProperty("evalX")), bn.RunningMean, bn.RunningVariance, gamma, beta, 1e-5);
        AssertClose(Matrix(c.GetProperty("evalY")), eval.Y, "pytorch eval y");
    }

    [Fact]
    public void BackwardFull_AnyBatch_EqualsBackwardCompact()
    {
        var x = TestData.Normal(9, 4, seed: 6, mean: -1, std: 2);
        var dOut = TestData.Normal(9, 4, seed: 7);
        var gamma = Vector<double>.Build.DenseOfArray([1.2, 0.7, -0.3, 2.0]);
        var forward = BatchNormReference.Forward(x, gamma, Vector<double>.Build.Dense(4), 1e-5);
        var full = BatchNormReference.BackwardFull(dOut, x, forward.Mean, forward.Variance, gamma, 1e-5);
        var compact = BatchNormReference.BackwardCompact(dOut, forward.XHat, forward.Variance, gamma, 1e-5);
        Assert.True((full.DX - compact.DX).Enumerate().All(d => Math.Abs(d) < Tolerances.Algebraic), "full and compact dX differ");
        Assert.True((full.DGamma - compact.DGamma).AbsoluteMaximum() < Tolerances.Algebraic);
        Assert.True((full.DBeta - compact.DBeta).AbsoluteMaximum() < Tolerances.Algebraic);
    }

    [Fact]
    public void Forward_GammaWrongLength_NamesGamma()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            BatchNormReference.Forward(TestData.Normal(4, 3, seed: 1), Vector<double>.Build.Dense(2, 1.0), Vector<double>.Build.Dense(3)));
        Assert.Equal("gamma", ex.ParamName);
        Assert.Contains("must have length 3, got 2", ex.Message);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property ForwardBackward_RandomCase_FastPathEqualsReference() => Prop.ForAll(Cases, c =>
    {
        var random = new Random(c.Seed);
        var options = Presets[c.Preset] with { Eps = c.Eps, Affine = c.Affine };
        var bn = new BatchNorm(c.Features, options);
        var gamma = Vector<double>.Build.Dense(c.Features, 1.0);
        var beta = Vector<double>.Build.Dense(c.Features);
        if (c.Affine)
        {
            gamma = Vector<double>.Build.Dense(c.Features, _ => (0.2 + 2 * random.NextDouble()) * (random.Next(2) * 2 - 1));
            beta = Vector<double>.Build.Dense(c.Features, _ => 2 * random.NextDouble() - 1);
            gamma.CopyTo(bn.Gamma);
            beta.CopyTo(bn.Beta);
        }

        Matrix<double> Batch(int rows) => Matrix<double>.Build.Dense(rows, c.Features, (_, j) =>
            (j % 5 - 2) * 3 + (0.1 + j % 4 * 2) * Initializer.StandardNormal(random));
        for (int t = 0; t < c.WarmupBatches; t++)
        {
            bn.Forward(Batch(2 + random.Next(20)), Mode.Train);
        }

        var x = Batch(c.Rows);
        var dOut = Batch(c.Rows);
        bool batchStatistics = c.Mode == Mode.Train || options.Rule == RunningAverage.None;
        if (batchStatistics && c.Rows == 1)
        {
            var ex = Assert.Throws<ArgumentException>(() => bn.Forward(x, c.Mode));
            Assert.Contains("Expected more than 1 value per channel when training", ex.Message);
            return;
        }

        var runningMeanBefore = bn.RunningMean.Clone();
        var runningVarianceBefore = bn.RunningVariance.Clone();
        var batchMeanBefore = bn.BatchMean.Clone();
        var expected = batchStatistics
            ? BatchNormReference.Forward(x, gamma, beta, c.Eps)
            : BatchNormReference.Normalize(x, runningMeanBefore, runningVarianceBefore, gamma, beta, c.Eps);
        var y = bn.Forward(x, c.Mode);
        var dX = bn.Backward(dOut);
        var grads = batchStatistics
            ? BatchNormReference.BackwardCompact(dOut, expected.XHat, expected.Variance, gamma, c.Eps)
            : BatchNormReference.BackwardEval(dOut, expected.XHat, expected.Variance, gamma, c.Eps);

        string at = c.ToString();
        AssertClose(expected.Y, y, $"{at}: y", Tolerances.FastPath);
        AssertClose(expected.XHat, bn.XHat, $"{at}: xHat", Tolerances.FastPath);
        AssertClose(grads.DX, dX, $"{at}: dX", Tolerances.FastPath);
        AssertClose(grads.DGamma.ToArray(), bn.GammaGradient, $"{at}: dGamma", Tolerances.FastPath);
        AssertClose(grads.DBeta.ToArray(), bn.BetaGradient, $"{at}: dBeta", Tolerances.FastPath);
        AssertClose((batchStatistics ? expected.Mean : batchMeanBefore).ToArray(), bn.BatchMean, $"{at}: BatchMean", Tolerances.FastPath);
        if (batchStatistics)
        {
            AssertClose(expected.Variance.ToArray(), bn.BatchVariance, $"{at}: BatchVariance", Tolerances.FastPath);
        }

        if (c.Mode == Mode.Train && options.Rule != RunningAverage.None)
        {
            // r ← (1 - w) r + w s, with s² = σ²_B N/(N-1) for the unbiased estimator (PyTorch) and σ²_B otherwise.
            double w = options.NewBatchWeight(bn.NumBatchesTracked);
            double correction = options.UnbiasedRunningVariance ? c.Rows / (c.Rows - 1.0) : 1.0;
            AssertClose((runningMeanBefore * (1 - w) + expected.Mean * w).ToArray(), bn.RunningMean, $"{at}: RunningMean", Tolerances.FastPath);
            AssertClose((runningVarianceBefore * (1 - w) + expected.Variance * (w * correction)).ToArray(), bn.RunningVariance, $"{at}: RunningVariance", Tolerances.FastPath);
        }
        else
        {
            Assert.Equal(runningMeanBefore.ToArray(), bn.RunningMean.ToArray());
            Assert.Equal(runningVarianceBefore.ToArray(), bn.RunningVariance.ToArray());
        }
    });

    private static (Vector<double> Gamma, Vector<double> Beta) Affine(JsonElement c) => c.GetProperty("affine").GetBoolean()
        ? (Vector<double>.Build.DenseOfArray(Vector(c.GetProperty("gamma"))), Vector<double>.Build.DenseOfArray(Vector(c.GetProperty("beta"))))
        : (Vector<double>.Build.Dense(4, 1.0), Vector<double>.Build.Dense(4));
}
