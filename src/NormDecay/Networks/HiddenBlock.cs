using NormDecay.Layers;
using NormDecay.Normalization;

namespace NormDecay.Networks;

/// <summary>The layers of one hidden block of an <see cref="Mlp"/>: Dense → [BN] → activation → [BN].</summary>
/// <param name="Dense">The affine layer.</param>
/// <param name="BatchNorm">The batch normalization layer, or null when the placement is <see cref="BnPlacement.None"/>.</param>
/// <param name="Activation">The nonlinearity.</param>
/// <param name="ActivationIndex">Index of <paramref name="Activation"/> in <see cref="Mlp.Layers"/>.</param>
public sealed record HiddenBlock(Dense Dense, BatchNorm? BatchNorm, Activation Activation, int ActivationIndex);
