namespace NormDecay.Layers;

/// <summary>
/// The shape (C, H, W) of one example's feature map: channels, height, width. A mini-batch of such maps is stored as an
/// (N, C·H·W) matrix whose column <c>c·H·W + h·W + w</c> holds entry (c, h, w) of every example, the order of PyTorch's
/// <c>x.flatten(1)</c> on an (N, C, H, W) tensor, so a <see cref="Dense"/> layer after a convolution sees what
/// <c>nn.Linear</c> after <c>nn.Flatten()</c> sees.
/// </summary>
/// <param name="Channels">C (&gt; 0).</param>
/// <param name="Height">H (&gt; 0).</param>
/// <param name="Width">W (&gt; 0).</param>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>H·W, the number of spatial positions per channel.</summary>
    public int Spatial => Height * Width;

    /// <summary>C·H·W, the number of columns of a batch matrix.</summary>
    public int Size => Channels * Height * Width;

    /// <summary>The column of entry (c, h, w): <c>c·H·W + h·W + w</c>.</summary>
    public int Column(int channel, int row, int column) => (channel * Height + row) * Width + column;

    /// <summary>Throws when a dimension is not positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the dimension.</exception>
    public void Validate()
    {
        if (Channels <= 0 || Height <= 0 || Width <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ImageShape), this, $"An image shape needs positive channels, height and width, got {this}.");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"({Channels}, {Height}, {Width})";
}
