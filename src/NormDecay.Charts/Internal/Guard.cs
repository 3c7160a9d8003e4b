namespace NormDecay.Charts.Internal;

/// <summary>Argument checks with messages that name the offending series and lengths.</summary>
internal static class Guard
{
    public static void SameLength(int xLength, int yLength, string what, string paramName)
    {
        if (xLength != yLength)
        {
            throw new ArgumentException($"{what}: x has {xLength} values but y has {yLength}; they must match.", paramName);
        }
    }

    public static void NotEmpty<T>(IReadOnlyCollection<T> items, string what, string paramName)
    {
        ArgumentNullException.ThrowIfNull(items, paramName);
        if (items.Count == 0)
        {
            throw new ArgumentException($"{what} is empty; give at least one.", paramName);
        }
    }
}
