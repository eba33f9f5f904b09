namespace Parley.Forecast;

/// <summary>
/// The baseline forecast: per dimension, the capability × salience weighted mean and weighted median of the actors'
/// positions (w_i = c_i · s_id). The weighted median is the smallest position whose cumulative weight reaches half the
/// total — in one dimension, the position that no other beats in a weighted pairwise vote.
/// </summary>
internal static class CompromiseModel
{
    /// <summary>Weighted mean per dimension, on the input's scale.</summary>
    public static double[] Mean(ForecastInput input) => Mean(input, input.Actors.Select(a => a.Positions.ToArray()).ToArray());

    /// <summary>Weighted mean per dimension of the given positions (one array per actor), weights from <paramref name="input"/>.</summary>
    public static double[] Mean(ForecastInput input, double[][] positions)
    {
        var nd = input.Dimensions.Count;
        var mean = new double[nd];
        for (var d = 0; d < nd; d++)
        {
            double sw = 0, swx = 0;
            for (var i = 0; i < input.Actors.Count; i++)
            {
                var w = Weight(input.Actors[i], d);
                sw += w;
                swx += w * positions[i][d];
            }

            mean[d] = sw > 0 ? swx / sw : double.NaN;
        }

        return mean;
    }

    /// <summary>Weighted median per dimension, on the input's scale.</summary>
    public static double[] Median(ForecastInput input) => Median(input, input.Actors.Select(a => a.Positions.ToArray()).ToArray());

    /// <summary>Weighted median per dimension of the given positions.</summary>
    public static double[] Median(ForecastInput input, double[][] positions)
    {
        var nd = input.Dimensions.Count;
        var median = new double[nd];
        for (var d = 0; d < nd; d++)
        {
            var points = input.Actors.Select((a, i) => (X: positions[i][d], W: Weight(a, d))).OrderBy(p => p.X).ToArray();
            var total = points.Sum(p => p.W);
            median[d] = double.NaN;
            var cumulative = 0.0;
            foreach (var (x, w) in points)
            {
                cumulative += w;
                if (total > 0 && cumulative >= total / 2)
                {
                    median[d] = x;
                    break;
                }
            }
        }

        return median;
    }

    /// <summary>c_i · s_id: how much actor i brings to bear on dimension d.</summary>
    public static double Weight(ForecastActor actor, int d) => actor.Capability * actor.Saliences[d];
}
