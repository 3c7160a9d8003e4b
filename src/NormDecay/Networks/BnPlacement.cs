namespace NormDecay.Networks;

/// <summary>Where an <see cref="Mlp"/> puts batch normalization in each hidden block.</summary>
public enum BnPlacement
{
    /// <summary>No batch normalization: Dense → activation.</summary>
    None,

    /// <summary>Dense → BN → activation, as in Ioffe and Szegedy (2015) and Ng's course.</summary>
    BeforeActivation,

    /// <summary>Dense → activation → BN, the variant the article discusses (lesson 6).</summary>
    AfterActivation,
}
