using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Normalization;

/// <summary>The gradients a batch-normalization backward pass returns, as <see cref="BatchNormReference"/> computes them.</summary>
/// <param name="DX">dL/dx, (N, F).</param>
/// <param name="DGamma">dL/dγ = Σ_i dy_i x̂_i, length F.</param>
/// <param name="DBeta">dL/dβ = Σ_i dy_i, length F.</param>
public sealed record BatchNormGradients(Matrix<double> DX, Vector<double> DGamma, Vector<double> DBeta);
