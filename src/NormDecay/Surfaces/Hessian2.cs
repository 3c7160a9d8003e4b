namespace NormDecay.Surfaces;

/// <summary>A symmetric 2x2 matrix <c>[[Xx, Xy], [Xy, Yy]]</c>: the Hessian of a surface at a point.</summary>
/// <param name="Xx">d2f/dx2.</param>
/// <param name="Xy">d2f/dxdy.</param>
/// <param name="Yy">d2f/dy2.</param>
public readonly record struct Hessian2(double Xx, double Xy, double Yy)
{
    /// <summary>
    /// The two eigenvalues, largest first, in closed form:
    /// <c>lambda = (Xx + Yy)/2 +- sqrt(((Xx - Yy)/2)^2 + Xy^2)</c>.
    /// </summary>
    public (double Max, double Min) Eigenvalues()
    {
        double mean = 0.5 * (Xx + Yy);
        double radius = Math.Sqrt(0.25 * (Xx - Yy) * (Xx - Yy) + Xy * Xy);
        return (mean + radius, mean - radius);
    }

    /// <summary>Condition number <c>lambda_max / lambda_min</c>; +infinity when lambda_min &lt;= 0.</summary>
    public double ConditionNumber
    {
        get
        {
            var (max, min) = Eigenvalues();
            return min > 0 ? max / min : double.PositiveInfinity;
        }
    }

    /// <summary>
    /// The largest constant learning rate for which plain gradient descent on the quadratic model with this Hessian
    /// converges: <c>2 / lambda_max</c> (each eigen-direction is multiplied by <c>1 - eta lambda</c> per step).
    /// </summary>
    public double StableRateLimit => 2.0 / Eigenvalues().Max;
}
