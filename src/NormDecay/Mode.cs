namespace NormDecay;

/// <summary>
/// Whether a layer runs as during training or as at test time. Passed explicitly to every
/// <c>Forward</c>; there is no global mode (unlike <c>model.train()</c>/<c>model.eval()</c> in PyTorch).
/// </summary>
public enum Mode
{
    /// <summary>Training: batch normalization uses the statistics of the current mini-batch and updates its running statistics.</summary>
    Train,

    /// <summary>Evaluation (test time, inference): batch normalization uses its running statistics and changes nothing.</summary>
    Eval,
}
