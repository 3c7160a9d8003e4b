using NormDecay.Surfaces;

namespace NormDecay.Tests.Surfaces;

internal static class FiniteDifference
{
    /// <summary>Central differences, h = 1e-6 relative: truncation O(h^2), rounding O(eps / h) ~ 1e-10 relative.</summary>
    public static (double Dx, double Dy) Gradient(ISurface s, double x, double y)
    {
        double hx = 1e-6 * Math.Max(1, Math.Abs(x)), hy = 1e-6 * Math.Max(1, Math.Abs(y));
        return ((s.Value(x + hx, y) - s.Value(x - hx, y)) / (2 * hx), (s.Value(x, y + hy) - s.Value(x, y - hy)) / (2 * hy));
    }

    public static Hessian2 Hessian(ISurface s, double x, double y)
    {
        double h = 1e-5 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));
        var (gxp, gyp) = s.Gradient(x + h, y);
        var (gxm, gym) = s.Gradient(x - h, y);
        var (_, gyq) = s.Gradient(x, y + h);
        var (_, gyr) = s.Gradient(x, y - h);
        return new Hessian2((gxp - gxm) / (2 * h), 0.5 * ((gyp - gym) / (2 * h) + (s.Gradient(x, y + h).Dx - s.Gradient(x, y - h).Dx) / (2 * h)), (gyq - gyr) / (2 * h));
    }

    public static void AssertClose(double expected, double actual, double relative, string what)
    {
        // Absolute floor 1e-8: central differences of an O(1) loss carry rounding noise ~ eps / h = 1e-10.
        double tol = Math.Max(1e-8, relative * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tol, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tol:G3})");
    }
}
