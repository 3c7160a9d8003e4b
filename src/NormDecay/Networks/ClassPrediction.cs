using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Networks;

/// <summary>The predicted class of each row of a logits matrix, shared by every network's <c>PredictClasses</c>.</summary>
internal static class ClassPrediction
{
    /// <summary>The arg-max of each row of <paramref name="logits"/> (the first index on ties).</summary>
    public static int[] ArgMaxPerRow(Matrix<double> logits)
    {
        var classes = new int[logits.RowCount];
        for (int i = 0; i < classes.Length; i++)
        {
            classes[i] = logits.Row(i).MaximumIndex();
        }

        return classes;
    }
}
