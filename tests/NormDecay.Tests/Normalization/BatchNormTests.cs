using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using NormDecay.GradientChecking;
using NormDecay.Normalization;

namespace NormDecay.Tests.Normalization;

public class BatchNormTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Backward_TrainMode_PassesGradientCheck(bool affine)
    {
        var bn = new BatchNorm(5, BatchNormOptions.PyTorch with { Affine = affine });
        if (affine)
        {
            bn.Gamma.SetValues([0.5, 1.5, 2.0, -1.0, 0.8]);
            bn.Beta.SetValues([0.1, -0.2, 0.3, 0.0, 1.0]);
        }

        var report = GradientCheck.Layer(bn, TestData.Normal(7, 5, seed: 1, mean: 2, std: 3), new Random(2));
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(affine ? 3 : 1, report.Tensors.Count);
    }

    [Fact]
    public void Backward_EvalMode_PassesGradientCheck()
    {
        var bn = new BatchNorm(3);
        bn.Forward(TestData.Normal(10, 3, seed: 3, mean: 1, std: 2), Mode.Train);
        var report = GradientCheck.Layer(bn, TestData.Normal(4, 3, seed: 4), new Random(5), Mode.Eval);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Forward_BatchOfOneInTrainMode_ThrowsPyTorchMessage()
    {
        var bn = new BatchNorm(3);
        var ex = Assert.Throws<ArgumentException>(() => bn.Forward(TestData.Normal(1, 3, seed: 1), Mode.Train));
        Assert.Contains("Expected more than 1 value per channel when training, got input size (1, 3)", ex.Message);
    }

    [Fact]
    public void Forward_BatchOfOneInEvalMode_UsesRunningStatistics()
    {
        var bn = new BatchNorm(2);
        var y = bn.Forward(Matrix<double>.Build.DenseOfRowArrays([[3.0, -1.0]]), Mode.Eval);
        Assert.Equal(3.0 / Math.Sqrt(1 + 1e-5), y[0, 0], 12);
    }

    [Fact]
    public void Forward_WrongFeatureCount_NamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatchNorm(4).Forward(TestData.Normal(32, 3, seed: 1), Mode.Train));
        Assert.Contains("BatchNorm(4) expects 4 features, got x of shape (32, 3)", ex.Message);
    }

    [Fact]
    public void Forward_NaNInput_NamesRowAndColumn()
    {
        var x = TestData.Normal(5, 3, seed: 1);
        x[3, 2] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => new BatchNorm(3).Forward(x, Mode.Train));
        Assert.Contains("row 3, column 2", ex.Message);
        Assert.Contains("NaN", ex.Message);
    }

    [Fact]
    public void Backward_BeforeForward_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new BatchNorm(3).Backward(TestData.Normal(2, 3, seed: 1)));
        Assert.Contains("before Forward", ex.Message);
    }

    [Fact]
    public void Constructor_DefaultOptionsStruct_ThrowsNamingEps()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm(3, default(BatchNormOptions)));
        Assert.Equal("Eps", ex.ParamName);
    }

    [Fact]
    public void Constructor_MomentumAboveOne_ThrowsNamingMomentum()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm(3, BatchNormOptions.PyTorch with { Momentum = 1.5 }));
        Assert.Contains("Momentum", ex.Message);
        Assert.Contains("1.5", ex.Message);
    }

    [Fact]
    public void Forward_OutputBufferWrongShape_NamesOutput()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatchNorm(3).Forward(TestData.Normal(4, 3, seed: 1), Mode.Train, Matrix<double>.Build.Dense(5, 3)));
        Assert.Contains("output must have shape (4, 3), got (5, 3)", ex.Message);
    }

    [Fact]
    public void RunningStatistics_CS231nPreset_FollowsKerasSenseFromZero()
    {
        var x = TestData.Normal(6, 2, seed: 9, mean: 4);
        var bn = new BatchNorm(2, BatchNormOptions.CS231n);
        bn.Forward(x, Mode.Train);
        double mean = x.Column(0).Average();
        double biasedVar = x.Column(0).Select(v => (v - mean) * (v - mean)).Average();
        Assert.Equal(0.1 * mean, bn.RunningMean[0], 12);
        Assert.Equal(0.1 * biasedVar, bn.RunningVariance[0], 12);
    }

    [Fact]
    public void RunningStatistics_D2lPreset_BiasedPyTorchSense()
    {
        var x = TestData.Normal(6, 2, seed: 9, mean: 4);
        var bn = new BatchNorm(2, BatchNormOptions.D2l);
        bn.Forward(x, Mode.Train);
        double mean = x.Column(1).Average();
        double biasedVar = x.Column(1).Select(v => (v - mean) * (v - mean)).Average();
        Assert.Equal(0.1 * mean, bn.RunningMean[1], 12);
        Assert.Equal(0.9 + 0.1 * biasedVar, bn.RunningVariance[1], 12);
    }

    [Property(MaxTest = 200)]
    public Property Forward_TrainMode_NormalizedBatchHasMeanZeroVarianceOne(PositiveInt seed, PositiveInt rows, PositiveInt cols)
    {
        int n = 2 + rows.Get % 40, f = 1 + cols.Get % 8;
        var x = TestData.Normal(n, f, seed.Get, mean: seed.Get % 7 - 3, std: 0.5 + seed.Get % 5);
        var bn = new BatchNorm(f);
        var y = bn.Forward(x, Mode.Train);
        bool ok = true;
        for (int j = 0; j < f; j++)
        {
            var column = y.Column(j);
            double mean = column.Average();
            double variance = column.Select(v => (v - mean) * (v - mean)).Average();
            double sampleVariance = x.Column(j).Select(v => (v - x.Column(j).Average()) * (v - x.Column(j).Average())).Average();
            ok &= Math.Abs(mean) < 1e-12
                && (sampleVariance < 1e-2 || Math.Abs(variance - 1) < Tolerances.Moments);
        }

        return ok.ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property Forward_GammaSqrtVarBetaMean_RestoresInput(PositiveInt seed, PositiveInt rows)
    {
        int n = 2 + rows.Get % 30, f = 3;
        var x = TestData.Normal(n, f, seed.Get, mean: 5, std: 2);
        var bn = new BatchNorm(f);
        bn.Forward(x, Mode.Train);
        for (int j = 0; j < f; j++)
        {
            bn.Gamma[j] = Math.Sqrt(bn.BatchVariance[j] + bn.Options.Eps);
            bn.Beta[j] = bn.BatchMean[j];
        }

        var y = bn.Forward(x, Mode.Train);
        return ((y - x).Enumerate().Max(Math.Abs) < Tolerances.Algebraic).ToProperty();
    }

    [Fact]
    public void Forward_NaNInLaterColumn_ThrowsBeforeChangingAnyState()
    {
        var bn = new BatchNorm(3);
        var good = TestData.Normal(6, 3, seed: 1, mean: 2, std: 3);
        bn.Forward(good, Mode.Train);
        double[] mean = bn.BatchMean.ToArray(), variance = bn.BatchVariance.ToArray(), runningMean = bn.RunningMean.ToArray();
        double[] xHat = bn.XHat.ToColumnMajorArray();

        var bad = TestData.Normal(6, 3, seed: 2);
        bad[4, 2] = double.NegativeInfinity;
        var ex = Assert.Throws<ArgumentException>(() => bn.Forward(bad, Mode.Train));

        Assert.Contains("x[4, 2] (row 4, column 2) is -∞", ex.Message.Replace("-Infinity", "-∞"));
        Assert.Equal(mean, bn.BatchMean.ToArray());
        Assert.Equal(variance, bn.BatchVariance.ToArray());
        Assert.Equal(runningMean, bn.RunningMean.ToArray());
        Assert.Equal(xHat, bn.XHat.ToColumnMajorArray());
        Assert.Equal(1, bn.NumBatchesTracked);
    }

    [Theory]
    [InlineData(Mode.Train)]
    [InlineData(Mode.Eval)]
    public void Forward_FiniteButSumOverflows_DoesNotThrow(Mode mode)
    {
        var x = Matrix<double>.Build.Dense(4, 2, (i, j) => i % 2 == 0 ? double.MaxValue : 1.0);
        var y = new BatchNorm(2).Forward(x, mode);
        Assert.Equal((4, 2), (y.RowCount, y.ColumnCount));
    }

    [Fact]
    public void ForwardBackward_SteadyState_AllocatesNothing()
    {
        var bn = new BatchNorm(64);
        var x = TestData.Normal(32, 64, seed: 1);
        var dOut = TestData.Normal(32, 64, seed: 2);
        var y = Matrix<double>.Build.Dense(32, 64);
        var dX = Matrix<double>.Build.Dense(32, 64);
        void Step()
        {
            bn.Forward(x, Mode.Train, y);
            bn.Backward(dOut, dX);
            bn.Forward(x, Mode.Eval, y);
            bn.Backward(dOut, dX);
        }

        Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
