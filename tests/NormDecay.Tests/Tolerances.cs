namespace NormDecay.Tests;

/// <summary>Tolerances of the core numerics tests, with where each comes from.</summary>
internal static class Tolerances
{
    /// <summary>
    /// Agreement with PyTorch float64 reference vectors. Both sides compute the same formulas in double; the
    /// differences are summation-order round-off (~1e-15 relative on batches of 8), so 1e-10 has five orders of margin
    /// yet catches any wrong estimator (N vs N-1 differs by 1/N ~ 10%) or momentum convention.
    /// </summary>
    public const double Reference = 1e-10;

    /// <summary>
    /// The fast <c>BatchNorm</c> layer against <c>BatchNormReference</c>, relative to max(1, |reference|). Both compute
    /// the same formulas in double; the layer sums with four SIMD accumulators and folds γ/(N sqrt(σ² + ε)) into one
    /// factor, so results differ by summation-order round-off, about N · 1e-16 (N ≤ 40 in the property, inputs with
    /// standard deviation ≥ 0.1). 1e-10 leaves four orders of margin and still catches an N-1 for an N (2.5% at N = 40),
    /// a missing ε, or a wrong sign.
    /// </summary>
    public const double FastPath = 1e-10;

    /// <summary>Exact algebraic identities computed two ways in double (full vs compact backward, γ/β identity recovery).</summary>
    public const double Algebraic = 1e-9;

    /// <summary>Mean 0 / variance 1 of a normalized batch: variance is σ²/(σ²+ε), so off by ≤ ε/σ²; we test with σ² ≥ 1e-2 and ε = 1e-5.</summary>
    public const double Moments = 1e-3;

    /// <summary>Finite-difference gradient check, relative (see GradientCheck.DefaultRelativeTolerance).</summary>
    public const double GradientRelative = 1e-6;
}
