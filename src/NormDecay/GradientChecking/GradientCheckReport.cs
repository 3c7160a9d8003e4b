namespace NormDecay.GradientChecking;

/// <summary>The result of a gradient check: one <see cref="TensorCheck"/> per tensor.</summary>
/// <param name="Tensors">Input first, then the parameters in order.</param>
public sealed record GradientCheckReport(IReadOnlyList<TensorCheck> Tensors)
{
    /// <summary>True when every tensor passed.</summary>
    public bool Passed => Tensors.All(t => t.Passed);

    /// <summary>The largest relative error over all tensors.</summary>
    public double MaxRelativeError => Tensors.Max(t => t.MaxRelativeError);

    /// <summary>The check of the tensor called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">When there is no such tensor; the message lists the names.</exception>
    public TensorCheck this[string name] =>
        Tensors.FirstOrDefault(t => t.Name == name)
        ?? throw new KeyNotFoundException($"No tensor '{name}' in the report; tensors: {string.Join(", ", Tensors.Select(t => t.Name))}.");

    /// <summary>One line per tensor, for notebooks and failing-test messages (like micrograd's <c>cmp</c>).</summary>
    public override string ToString() => string.Join(
        Environment.NewLine,
        Tensors.Select(t => $"{t.Name,-24} {(t.Passed ? "ok  " : "FAIL")} maxrel={t.MaxRelativeError:E2} maxabs={t.MaxAbsoluteError:E2} n={t.Count}"));
}
