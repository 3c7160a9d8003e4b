using NormDecay.Layers;

namespace NormDecay.Tests.Layers;

public class NoiseInjectionTests
{
    [Fact]
    public void Forward_Train_IsScaleAndShiftPerFeatureWithinTheirRanges()
    {
        var layer = new NoiseInjection(4, new Random(1), maxShift: 0.5, maxScale: 3);
        var x = TestData.Normal(6, 4, seed: 2);
        var y = layer.Forward(x, Mode.Train);
        for (int j = 0; j < 4; j++)
        {
            Assert.InRange(layer.Scale[j], 1.0, 3.0);
            Assert.InRange(layer.Shift[j], -0.5, 0.5);
            for (int i = 0; i < 6; i++)
            {
                Assert.Equal(layer.Scale[j] * x[i, j] + layer.Shift[j], y[i, j], Tolerances.Algebraic);
            }
        }

        Assert.NotEqual(1.0, layer.Scale[0]); // noise was drawn
    }

    [Fact]
    public void Forward_Train_DrawsNewNoiseEveryCall()
    {
        var layer = new NoiseInjection(3, new Random(1), maxShift: 1, maxScale: 2);
        var x = TestData.Normal(5, 3, seed: 2);
        var first = layer.Forward(x, Mode.Train);
        var second = layer.Forward(x, Mode.Train);
        Assert.True((first - second).Enumerate().Max(Math.Abs) > 1e-3, "a second training step must see different noise");
    }

    [Fact]
    public void Forward_Eval_IsTheIdentity()
    {
        var layer = new NoiseInjection(3, new Random(1), maxShift: 1, maxScale: 2);
        var x = TestData.Normal(5, 3, seed: 2);
        layer.Forward(x, Mode.Train);
        Assert.Equal(x.ToArray(), layer.Forward(x, Mode.Eval).ToArray());
        Assert.All(layer.Scale, s => Assert.Equal(1.0, s));
        Assert.All(layer.Shift, b => Assert.Equal(0.0, b));
    }

    [Fact]
    public void Backward_AfterTrainForward_IsTheDrawnScaleTimesDy()
    {
        var layer = new NoiseInjection(3, new Random(4), maxShift: 1, maxScale: 2);
        var x = TestData.Normal(5, 3, seed: 2);
        layer.Forward(x, Mode.Train);
        var dy = TestData.Normal(5, 3, seed: 3);
        var dx = layer.Backward(dy);
        for (int i = 0; i < 5; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(layer.Scale[j] * dy[i, j], dx[i, j], Tolerances.Algebraic);
            }
        }
    }

    [Theory]
    [InlineData(-0.1, 2.0)]
    [InlineData(1.0, 0.5)]
    [InlineData(double.NaN, 2.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    public void Constructor_InvalidRange_Throws(double maxShift, double maxScale) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoiseInjection(3, new Random(1), maxShift, maxScale));
}
