using MathNet.Numerics.LinearAlgebra;
using NormDecay.Networks;
using NormDecay.Tensors;

namespace NormDecay.Training;

/// <summary>
/// Statistics of one hidden block in one forward pass: mean, population standard deviation (N) and fraction of exact
/// zeros of the activation's input (pre) and output (post), plus BN's γ and β when the block has BN.
/// </summary>
/// <param name="Layer">0-based hidden block index.</param>
/// <param name="PreMean">Mean of the pre-activation over batch and features.</param>
/// <param name="PreStd">Population std of the pre-activation.</param>
/// <param name="PreZeroFraction">Fraction of pre-activation entries equal to 0.</param>
/// <param name="PostMean">Mean of the post-activation.</param>
/// <param name="PostStd">Population std of the post-activation.</param>
/// <param name="PostZeroFraction">Fraction of post-activation entries equal to 0 (dead ReLU outputs).</param>
/// <param name="GammaMean">Mean of BN's γ, or null without BN.</param>
/// <param name="BetaMean">Mean of BN's β, or null without BN.</param>
/// <param name="Gamma">Copy of γ, or null without BN.</param>
/// <param name="Beta">Copy of β, or null without BN.</param>
public sealed record LayerStatistics(
    int Layer, double PreMean, double PreStd, double PreZeroFraction, double PostMean, double PostStd, double PostZeroFraction,
    double? GammaMean, double? BetaMean, double[]? Gamma, double[]? Beta)
{
    /// <summary>The statistics of every hidden block of <paramref name="network"/>'s last forward.</summary>
    public static IReadOnlyList<LayerStatistics> Of(Mlp network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var result = new LayerStatistics[network.HiddenBlocks.Count];
        for (int h = 0; h < result.Length; h++)
        {
            var (preMean, preStd, preZeros) = Moments(network.PreActivations[h]);
            var (postMean, postStd, postZeros) = Moments(network.PostActivations[h]);
            var bn = network.HiddenBlocks[h].BatchNorm;
            result[h] = new LayerStatistics(
                h, preMean, preStd, preZeros, postMean, postStd, postZeros,
                bn?.Gamma.Average(), bn?.Beta.Average(), bn?.Gamma.ToArray(), bn?.Beta.ToArray());
        }

        return result;
    }

    /// <summary>Mean, population std and zero fraction of all entries of <paramref name="m"/>.</summary>
    public static (double Mean, double Std, double ZeroFraction) Moments(Matrix<double> m)
    {
        double[] a = Storage.Of(m, nameof(m));
        double mean = Kernels.Sum(a) / a.Length;
        double ss = 0;
        int zeros = 0;
        foreach (double v in a)
        {
            ss += (v - mean) * (v - mean);
            zeros += v == 0 ? 1 : 0;
        }

        return (mean, Math.Sqrt(ss / a.Length), (double)zeros / a.Length);
    }
}
