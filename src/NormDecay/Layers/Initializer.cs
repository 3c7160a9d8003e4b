namespace NormDecay.Layers;

/// <summary>
/// How the weights of a dense layer are drawn: zero-mean normal with a standard deviation from the fan-in/out.
/// Randomness always comes from the <see cref="Random"/> passed in, so runs are reproducible.
/// </summary>
public abstract record Initializer
{
    private protected Initializer()
    {
    }

    /// <summary>He (Kaiming) normal for ReLU networks: std = sqrt(2 / fan_in) (He et al. 2015; PyTorch <c>kaiming_normal_</c>, Keras <c>he_normal</c> untruncated).</summary>
    public static Initializer He { get; } = new HeNormal();

    /// <summary>Xavier/Glorot normal: std = sqrt(2 / (fan_in + fan_out)) (Glorot and Bengio 2010; PyTorch <c>xavier_normal_</c>).</summary>
    public static Initializer Xavier { get; } = new XavierNormal();

    /// <summary>A fixed standard deviation regardless of layer size: the bad-initialization experiment (e.g. 0.01 vanishes, 1.0 explodes).</summary>
    /// <param name="std">Standard deviation, finite and &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">When std is negative or not finite.</exception>
    public static Initializer ScaledNormal(double std)
    {
        if (!double.IsFinite(std) || std < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(std), std, $"std must be finite and >= 0, got {std}.");
        }

        return new FixedNormal(std);
    }

    /// <summary>The standard deviation used for a layer with <paramref name="fanIn"/> inputs and <paramref name="fanOut"/> outputs.</summary>
    public abstract double Std(int fanIn, int fanOut);

    /// <summary>Fills <paramref name="weights"/> with N(0, Std(fanIn, fanOut)^2) draws (Box-Muller from <paramref name="random"/>).</summary>
    public void Fill(Span<double> weights, int fanIn, int fanOut, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double std = Std(fanIn, fanOut);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = std * StandardNormal(random);
        }
    }

    /// <summary>One N(0, 1) draw by the Box-Muller transform.</summary>
    public static double StandardNormal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private sealed record HeNormal : Initializer
    {
        public override double Std(int fanIn, int fanOut) => Math.Sqrt(2.0 / fanIn);

        public override string ToString() => "He";
    }

    private sealed record XavierNormal : Initializer
    {
        public override double Std(int fanIn, int fanOut) => Math.Sqrt(2.0 / (fanIn + fanOut));

        public override string ToString() => "Xavier";
    }

    private sealed record FixedNormal(double Value) : Initializer
    {
        public override double Std(int fanIn, int fanOut) => Value;

        public override string ToString() => $"Normal(std={Value})";
    }
}
