using System.Globalization;
using System.Runtime.CompilerServices;

namespace NormDecay.Schedules;

/// <summary>
/// Argument checks shared by the schedules. Every message names the parameter and the value received,
/// e.g. <c>stepSize must be positive, got 0</c>.
/// </summary>
internal static class ScheduleGuard
{
    /// <summary>Throws when <paramref name="step"/> is negative; schedules are defined for step 0, 1, 2, ...</summary>
    public static void Step(int step)
    {
        if (step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be non-negative (0 is the first step), got {step}.");
        }
    }

    /// <summary>A learning rate: finite and not negative (zero is allowed).</summary>
    public static double Rate(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite, non-negative learning rate, got {F(value)}.");
        }

        return value;
    }

    /// <summary>A strictly positive count (step size, number of steps, cycle length).</summary>
    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive, got {value}.");
        }

        return value;
    }

    /// <summary>A count that may be zero.</summary>
    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be non-negative, got {value}.");
        }

        return value;
    }

    /// <summary>A finite, strictly positive real number.</summary>
    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and positive, got {F(value)}.");
        }

        return value;
    }

    /// <summary>A finite, non-negative real number.</summary>
    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and non-negative, got {F(value)}.");
        }

        return value;
    }

    /// <summary>A finite number in [<paramref name="low"/>, <paramref name="high"/>], each end open or closed.</summary>
    public static double InRange(double value, double low, double high, bool lowOpen = false, bool highOpen = false,
        [CallerArgumentExpression(nameof(value))] string name = "")
    {
        bool ok = double.IsFinite(value)
            && (lowOpen ? value > low : value >= low)
            && (highOpen ? value < high : value <= high);
        if (!ok)
        {
            string range = $"{(lowOpen ? "(" : "[")}{F(low)}, {F(high)}{(highOpen ? ")" : "]")}";
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in {range}, got {F(value)}.");
        }

        return value;
    }

    /// <summary>Formats a number for names and messages, independent of the current culture (a Persian UI must not change legends).</summary>
    public static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
