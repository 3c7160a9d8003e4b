namespace NormDecay.Surfaces;

/// <summary>
/// An ill-conditioned quadratic bowl: <c>f(w) = 1/2 (w - w*)^T H (w - w*)</c> with
/// <c>H = R(theta) diag(lambda_max, lambda_min) R(theta)^T</c>: the steep direction is at angle theta from the x axis,
/// the condition number is <c>lambda_max / lambda_min</c>.
/// </summary>
/// <remarks>
/// Plain gradient descent multiplies the distance to the minimum along each eigen-direction by <c>1 - eta lambda</c>
/// per step, so it converges for every start exactly when <c>0 &lt; eta &lt; 2 / lambda_max</c>
/// (<see cref="MaxStableLearningRate"/>), oscillates for <c>1/lambda_max &lt; eta &lt; 2/lambda_max</c>, and diverges above.
/// The smallest eigen-direction then shrinks by <c>1 - 2/kappa</c> per step at best: the slow crawl of an elongated bowl.
/// </remarks>
public sealed class QuadraticSurface : ISurface
{
    private readonly double _hxx, _hxy, _hyy, _cx, _cy;

    /// <summary>Creates the bowl from its two curvatures.</summary>
    /// <param name="lambdaMax">Curvature along the steep direction, &gt; 0.</param>
    /// <param name="lambdaMin">Curvature along the flat direction, in (0, lambdaMax].</param>
    /// <param name="angleDegrees">Angle of the steep direction from the x axis, in degrees (default 0).</param>
    /// <param name="minimumX">x of the minimum (default 0).</param>
    /// <param name="minimumY">y of the minimum (default 0).</param>
    /// <param name="windowHalfWidth">Half-width of the square <see cref="Window"/> around the minimum (default 2), &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a curvature or the window is not positive, or lambdaMin &gt; lambdaMax.</exception>
    public QuadraticSurface(double lambdaMax, double lambdaMin, double angleDegrees = 0, double minimumX = 0, double minimumY = 0, double windowHalfWidth = 2)
    {
        if (!(lambdaMax > 0) || !double.IsFinite(lambdaMax))
        {
            throw new ArgumentOutOfRangeException(nameof(lambdaMax), $"lambdaMax = {lambdaMax}; it must be finite and > 0.");
        }

        if (!(lambdaMin > 0) || lambdaMin > lambdaMax)
        {
            throw new ArgumentOutOfRangeException(nameof(lambdaMin), $"lambdaMin = {lambdaMin}; it must lie in (0, lambdaMax = {lambdaMax}].");
        }

        if (!(windowHalfWidth > 0) || !double.IsFinite(windowHalfWidth))
        {
            throw new ArgumentOutOfRangeException(nameof(windowHalfWidth), $"windowHalfWidth = {windowHalfWidth}; it must be finite and > 0.");
        }

        if (!double.IsFinite(angleDegrees) || !double.IsFinite(minimumX) || !double.IsFinite(minimumY))
        {
            throw new ArgumentOutOfRangeException(nameof(angleDegrees), "angleDegrees, minimumX and minimumY must be finite.");
        }

        LambdaMax = lambdaMax;
        LambdaMin = lambdaMin;
        AngleDegrees = angleDegrees;
        double t = angleDegrees * Math.PI / 180.0, c = Math.Cos(t), s = Math.Sin(t);
        _hxx = lambdaMax * c * c + lambdaMin * s * s;
        _hxy = (lambdaMax - lambdaMin) * c * s;
        _hyy = lambdaMax * s * s + lambdaMin * c * c;
        _cx = minimumX;
        _cy = minimumY;
        Window = PlotWindow.Around(minimumX, minimumY, windowHalfWidth);
        // Between the two eigen-directions, 0.7 of the half-width out: inside the window for every angle.
        double r = 0.7 * windowHalfWidth;
        SuggestedStart = (minimumX + r * (c - s), minimumY + r * (s + c));
    }

    /// <summary>
    /// A bowl with curvature <paramref name="lambdaMax"/> (default 1) along the steep direction and condition number
    /// <paramref name="conditionNumber"/> (&gt;= 1), the steep direction at <paramref name="angleDegrees"/> from the x axis.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When conditionNumber &lt; 1 or lambdaMax &lt;= 0.</exception>
    public static QuadraticSurface FromConditionNumber(double conditionNumber, double angleDegrees = 0, double lambdaMax = 1, double windowHalfWidth = 2)
    {
        if (!(conditionNumber >= 1) || !double.IsFinite(conditionNumber))
        {
            throw new ArgumentOutOfRangeException(nameof(conditionNumber), $"conditionNumber = {conditionNumber}; it must be finite and >= 1.");
        }

        return new QuadraticSurface(lambdaMax, lambdaMax / conditionNumber, angleDegrees, 0, 0, windowHalfWidth);
    }

    /// <summary>Largest curvature (eigenvalue of H).</summary>
    public double LambdaMax { get; }

    /// <summary>Smallest curvature (eigenvalue of H).</summary>
    public double LambdaMin { get; }

    /// <summary>Condition number <c>kappa = lambda_max / lambda_min</c>.</summary>
    public double ConditionNumber => LambdaMax / LambdaMin;

    /// <summary>Angle of the steep direction from the x axis, in degrees.</summary>
    public double AngleDegrees { get; }

    /// <summary>
    /// <c>2 / lambda_max</c>: plain gradient descent with a constant rate converges from every start below it and
    /// diverges (from almost every start) above it.
    /// </summary>
    public double MaxStableLearningRate => 2.0 / LambdaMax;

    /// <inheritdoc/>
    public string Name => $"quadratic (kappa = {ConditionNumber:G4}, angle = {AngleDegrees:G4} deg)";

    /// <inheritdoc/>
    public (double X, double Y) Minimum => (_cx, _cy);

    /// <inheritdoc/>
    public double MinimumValue => 0.0;

    /// <inheritdoc/>
    public PlotWindow Window { get; }

    /// <inheritdoc/>
    public (double X, double Y) SuggestedStart { get; }

    /// <inheritdoc/>
    public double Value(double x, double y)
    {
        double dx = x - _cx, dy = y - _cy;
        return 0.5 * (_hxx * dx * dx + 2 * _hxy * dx * dy + _hyy * dy * dy);
    }

    /// <inheritdoc/>
    public (double Dx, double Dy) Gradient(double x, double y)
    {
        double dx = x - _cx, dy = y - _cy;
        return (_hxx * dx + _hxy * dy, _hxy * dx + _hyy * dy);
    }

    /// <inheritdoc/>
    public Hessian2 Hessian(double x, double y) => new(_hxx, _hxy, _hyy);
}
