namespace NormDecay.Layers;

/// <summary>The element-wise nonlinearities an <see cref="Networks.Mlp"/> can use.</summary>
public enum ActivationKind
{
    /// <summary>max(0, x).</summary>
    ReLU,

    /// <summary>tanh(x).</summary>
    Tanh,

    /// <summary>1 / (1 + e^-x).</summary>
    Sigmoid,

    /// <summary>x (a linear network).</summary>
    Identity,
}
