using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Normalization;

/// <summary>Every intermediate of a batch-normalization forward pass, as <see cref="BatchNormReference"/> returns them.</summary>
/// <param name="Mean">μ used to center, length F: the batch mean in training, the running mean in eval.</param>
/// <param name="Variance">σ² used to scale, length F: the biased (÷N) batch variance in training, the running variance in eval.</param>
/// <param name="XHat">x̂ = (x - μ) / sqrt(σ² + ε), (N, F).</param>
/// <param name="Y">y = γ x̂ + β, (N, F).</param>
public sealed record BatchNormForwardResult(Vector<double> Mean, Vector<double> Variance, Matrix<double> XHat, Matrix<double> Y);
