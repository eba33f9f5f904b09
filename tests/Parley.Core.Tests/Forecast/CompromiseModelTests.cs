using Parley.Forecast;
using Parley.Model;

namespace Parley.Tests.Forecast;

public sealed class CompromiseModelTests
{
    private static ForecastInput OneDimension(params (string Name, double Capability, double Position, double Salience)[] actors) =>
        new("test", "", new[] { "x" }.ToValueList(),
            actors.Select(a => new ForecastActor(a.Name, "", a.Capability, new[] { a.Position }.ToValueList(), new[] { a.Salience }.ToValueList())).ToValueList());

    [Fact]
    public void Published_EC_example_round_zero_mean_and_median()
    {
        // Bueno de Mesquita (1994) EC example as used by Scholz et al. (2011): name, capability, position, salience
        // (MODELS.md §2.4). Published round-0 weighted mean 7.38996, weighted median 7.
        var ec = OneDimension(
            ("Netherlands", .08, 7, 40), ("Belgium", .08, 4, 80), ("Luxembourg", .03, 4, 20), ("Germany", .16, 4, 80),
            ("France", .16, 10, 60), ("Italy", .16, 10, 60), ("UK", .16, 10, 90), ("Ireland", .05, 7, 10),
            ("Denmark", .05, 4, 100), ("Greece", .08, 7, 70));

        Assert.Equal(7.38996, CompromiseModel.Mean(ec)[0], 5);
        Assert.Equal(7, CompromiseModel.Median(ec)[0]);
    }

    [Fact]
    public void Flagship_territory_by_hand()
    {
        // Weights c·s: RU 100·35 = 3500, UA 55·30 = 1650, US 90·10 = 900, EU 70·20 = 1400, NATO 30·15 = 450 (Σ 7900).
        // Mean = (3500·75 + 1650·20 + 900·50 + 1400·25 + 450·25) / 7900 = 386750 / 7900.
        // Median: sorted 20 (1650), 25 (1850, cumulative 3500), 50 (900, cumulative 4400 ≥ 3950) → 50.
        var flagship = ForecastData.Csv("ukr2025_smp_illustrative.csv");

        Assert.Equal(386750.0 / 7900, CompromiseModel.Mean(flagship)[0], 12);
        Assert.Equal(50, CompromiseModel.Median(flagship)[0]);
    }

    [Fact]
    public void Median_at_exactly_half_takes_the_lower_position()
    {
        var input = OneDimension(("a", 1, 10, 50), ("b", 1, 90, 50));

        Assert.Equal(10, CompromiseModel.Median(input)[0]);
        Assert.Equal(50, CompromiseModel.Mean(input)[0]);
    }

    [Fact]
    public void Zero_salience_actor_has_no_weight()
    {
        var input = OneDimension(("a", 100, 0, 0), ("b", 1, 60, 10), ("c", 1, 80, 10));

        Assert.Equal(70, CompromiseModel.Mean(input)[0], 12);
        Assert.Equal(60, CompromiseModel.Median(input)[0]);
    }
}
