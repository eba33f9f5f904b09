namespace Parley.Negotiation.Strategies;

/// <summary>
/// Frequency opponent model (HardHeaded-style; Baarslag et al. 2013 survey): an option the opponent
/// offers often is valued highly, and an issue it rarely changes weighs much. Predictions are on [0, 1].
/// </summary>
internal sealed class FrequencyOpponentModel(OutcomeSpace space)
{
    private readonly int[][] _counts = [.. space.Counts.Select(n => new int[n])];
    private readonly int[] _unchanged = new int[space.IssueCount];
    private long _last = -1;
    private int _offers;

    public int Offers => _offers;

    public void Update(long package)
    {
        for (var k = 0; k < space.IssueCount; k++)
        {
            var o = space.Option(package, k);
            _counts[k][o]++;
            if (_last >= 0 && space.Option(_last, k) == o)
            {
                _unchanged[k]++;
            }
        }

        _last = package;
        _offers++;
    }

    /// <summary>Estimated weight of an issue: (1 + times unchanged) normalised over issues.</summary>
    public double Weight(int issue)
    {
        var total = 0.0;
        for (var k = 0; k < _unchanged.Length; k++)
        {
            total += 1 + _unchanged[k];
        }

        return (1 + _unchanged[issue]) / total;
    }

    /// <summary>Estimated value of an option: (count + 1) / (max count + 1).</summary>
    public double Value(int issue, int option) => (_counts[issue][option] + 1.0) / (_counts[issue].Max() + 1.0);

    /// <summary>Predicted utility of a package to the opponent, on [0, 1].</summary>
    public double Predict(long package)
    {
        if (_offers == 0)
        {
            return 0;
        }

        var u = 0.0;
        for (var k = 0; k < space.IssueCount; k++)
        {
            u += Weight(k) * Value(k, space.Option(package, k));
        }

        return u;
    }
}
