namespace NormDecay.GradientChecking;

/// <summary>The comparison of analytic and numerical gradients for one tensor (the input or one parameter).</summary>
/// <param name="Name">Tensor name, e.g. <c>x</c> or <c>hidden1.dense.W</c>.</param>
/// <param name="Count">Entries compared.</param>
/// <param name="MaxRelativeError">max over entries of |a - n| / max(|a| + |n|, tiny).</param>
/// <param name="MaxAbsoluteError">max over entries of |a - n|.</param>
/// <param name="Failures">Entries failing both tolerances (relative and absolute).</param>
public sealed record TensorCheck(string Name, int Count, double MaxRelativeError, double MaxAbsoluteError, int Failures)
{
    /// <summary>True when no entry failed.</summary>
    public bool Passed => Failures == 0;
}
