using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;
using NormDecay.Data;
using Plotly.NET;

namespace NormDecay.Charts.Adapters;

/// <summary>Two features of a <see cref="Dataset"/> as scatter plots coloured by class.</summary>
public static class DatasetCharts
{
    /// <summary>Features <paramref name="featureX"/> and <paramref name="featureY"/> of every example, one colour and symbol per class; axes named after the features.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a feature index is outside 0 .. FeatureCount - 1.</exception>
    public static GenericChart Scatter(Dataset data, int featureX = 0, int featureY = 1, ChartLabel? title = null, bool equalAspect = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Panels([(ChartLabel.None, data)], featureX, featureY, title ?? ChartLabel.Text(data.Name), equalAspect);
    }

    /// <summary>The same two features of several versions of a data set (raw, standardized by the library, ...) side by side.</summary>
    /// <exception cref="ArgumentException">When the versions differ in example count.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a feature index is outside a version's columns.</exception>
    public static GenericChart Panels(IReadOnlyList<(ChartLabel Title, Dataset Data)> versions, int featureX, int featureY, ChartLabel title, bool equalAspect = true)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0)
        {
            throw new ArgumentException("The list of data-set versions is empty.", nameof(versions));
        }

        var first = versions[0].Data;
        var panels = versions.Select(v =>
        {
            CheckFeature(v.Data, featureX, nameof(featureX));
            CheckFeature(v.Data, featureY, nameof(featureY));
            if (v.Data.Count != first.Count)
            {
                throw new ArgumentException($"Data set '{v.Data.Name}' has {v.Data.Count} examples; '{first.Name}' has {first.Count}. Panels must show the same examples.", nameof(versions));
            }

            return new ScatterPanel(
                v.Title,
                v.Data.X.Column(featureX).ToArray(),
                v.Data.X.Column(featureY).ToArray(),
                ChartLabel.Text(v.Data.FeatureNames[featureX]),
                ChartLabel.Text(v.Data.FeatureNames[featureY]));
        }).ToArray();
        return ScatterCharts.ByClass(panels, first.Labels, ClassNames(first), title, equalAspect);
    }

    /// <summary>
    /// Lesson 1's figure: the two features as they are, after centering (x - mean) and after scaling
    /// ((x - mean) / std), with equal axis scales so the change of shape is visible. Mean and standard deviation are
    /// those of the whole data set, std the biased (N) estimator as in input standardization.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When a feature index is outside 0 .. FeatureCount - 1.</exception>
    /// <exception cref="ArgumentException">When a feature is constant (its standard deviation is 0, so it cannot be scaled).</exception>
    public static GenericChart CenterThenScale(Dataset data, int featureX = 0, int featureY = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFeature(data, featureX, nameof(featureX));
        CheckFeature(data, featureY, nameof(featureY));
        var x = data.X.Column(featureX).ToArray();
        var y = data.X.Column(featureY).ToArray();
        var (cx, sx) = CenterScale(x, data.FeatureNames[featureX]);
        var (cy, sy) = CenterScale(y, data.FeatureNames[featureY]);
        var nameX = ChartLabel.Text(data.FeatureNames[featureX]);
        var nameY = ChartLabel.Text(data.FeatureNames[featureY]);
        return ScatterCharts.ByClass(
            [
                new ScatterPanel("panel.original", x, y, nameX, nameY),
                new ScatterPanel("panel.centered", cx, cy, nameX, nameY),
                new ScatterPanel("panel.scaled", sx, sy, nameX, nameY),
            ],
            data.Labels,
            ClassNames(data),
            "title.inputScatter");
    }

    // A data set's class names are data (the same in both languages), shown as literal text.
    private static ChartLabel[] ClassNames(Dataset data) => [.. data.ClassNames.Select(ChartLabel.Text)];

    private static (double[] Centered, double[] Scaled) CenterScale(double[] v, string feature)
    {
        var mean = 0.0;
        foreach (var a in v)
        {
            mean += a;
        }

        mean /= v.Length;
        var variance = 0.0;
        var centered = new double[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            centered[i] = v[i] - mean;
            variance += centered[i] * centered[i];
        }

        var std = Math.Sqrt(variance / v.Length);
        if (!(std > 0))
        {
            throw new ArgumentException($"Feature '{feature}' is constant (standard deviation {std}); it cannot be scaled.", nameof(v));
        }

        var scaled = new double[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            scaled[i] = centered[i] / std;
        }

        return (centered, scaled);
    }

    private static void CheckFeature(Dataset data, int index, string paramName)
    {
        if (index < 0 || index >= data.FeatureCount)
        {
            throw new ArgumentOutOfRangeException(paramName, index, $"Data set '{data.Name}' has {data.FeatureCount} features (0..{data.FeatureCount - 1}).");
        }
    }
}
