namespace NormDecay.Notebook;

/// <summary>Placeholder until the notebook setup lands.</summary>
public static class Placeholder
{
}
