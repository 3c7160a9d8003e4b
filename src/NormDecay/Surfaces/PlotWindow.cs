namespace NormDecay.Surfaces;

/// <summary>A rectangle of the (x, y) parameter plane to draw a surface in.</summary>
/// <param name="XMin">Left edge.</param>
/// <param name="XMax">Right edge, &gt; <paramref name="XMin"/>.</param>
/// <param name="YMin">Bottom edge.</param>
/// <param name="YMax">Top edge, &gt; <paramref name="YMin"/>.</param>
public readonly record struct PlotWindow(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>A square of half-width <paramref name="halfWidth"/> centred on (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static PlotWindow Around(double x, double y, double halfWidth) => new(x - halfWidth, x + halfWidth, y - halfWidth, y + halfWidth);

    /// <summary>Whether (<paramref name="x"/>, <paramref name="y"/>) lies inside or on the edge.</summary>
    public bool Contains(double x, double y) => x >= XMin && x <= XMax && y >= YMin && y <= YMax;
}
