using NormDecay.Surfaces;

namespace NormDecay.Tests.Surfaces;

public class SurfaceGridTests
{
    [Fact]
    public void Sample_Window_CoversEdgesAndIndexesZByRowY()
    {
        var s = new QuadraticSurface(2, 1, 0, 0, 0, windowHalfWidth: 3);
        SurfaceGrid g = SurfaceGrid.Sample(s, nx: 7, ny: 5);
        Assert.Equal(-3, g.Xs[0]);
        Assert.Equal(3, g.Xs[^1]);
        Assert.Equal(5, g.Z.GetLength(0));
        Assert.Equal(7, g.Z.GetLength(1));
        // f = x^2 + y^2 / 2; Z[j, i] = f(Xs[i], Ys[j])
        Assert.Equal(s.Value(g.Xs[1], g.Ys[4]), g.Z[4, 1]);
        Assert.Equal(9 + 4.5, g.Z[0, 0], 1e-12);
        Assert.Equal(0, g.Z[2, 3], 1e-12);
        Assert.Equal((0, 13.5), g.Range());
        Assert.Equal(g.Z[4, 1], g.ZRows()[4][1]);
    }

    [Fact]
    public void Sample_TooFewPoints_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SurfaceGrid.Sample(new QuadraticSurface(1, 1), nx: 1));
    }
}
