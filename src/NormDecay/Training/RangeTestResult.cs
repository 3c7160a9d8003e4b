namespace NormDecay.Training;

/// <summary>What a range test recorded, one entry per step taken.</summary>
/// <param name="Rates">The rate of each step.</param>
/// <param name="Losses">The mini-batch loss of each step, before its update.</param>
/// <param name="SmoothedLosses">The bias-corrected exponential average of the losses.</param>
/// <param name="StoppedEarly">True when the sweep stopped because the loss diverged.</param>
public sealed record RangeTestResult(double[] Rates, double[] Losses, double[] SmoothedLosses, bool StoppedEarly)
{
    /// <summary>The rate at which the smoothed loss was lowest.</summary>
    public double RateAtMinimum => Rates[Array.IndexOf(SmoothedLosses, SmoothedLosses.Min())];

    /// <summary>The rate where the smoothed loss fell fastest per decade of rate (steepest negative slope against log η),
    /// over the steps before the minimum.</summary>
    public double SteepestRate
    {
        get
        {
            int end = Array.IndexOf(SmoothedLosses, SmoothedLosses.Min());
            int best = 0;
            double steepest = double.PositiveInfinity;
            for (int t = 1; t <= end; t++)
            {
                double slope = (SmoothedLosses[t] - SmoothedLosses[t - 1]) / (Math.Log10(Rates[t]) - Math.Log10(Rates[t - 1]));
                if (slope < steepest)
                {
                    (steepest, best) = (slope, t);
                }
            }

            return Rates[best];
        }
    }
}
