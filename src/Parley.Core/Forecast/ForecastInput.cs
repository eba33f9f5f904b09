using Parley.Model;

namespace Parley.Forecast;

/// <summary>The input of a spatial forecast: named dimensions and actors, from a scenario's <c>forecast:</c> section or a KTAB CSV.</summary>
internal sealed record ForecastInput(string Name, string Description, ValueList<string> Dimensions, ValueList<ForecastActor> Actors, bool Illustrative = false)
{
    /// <summary>The same input without actor <paramref name="index"/> (for leave-one-out robustness).</summary>
    public ForecastInput Without(int index) =>
        this with { Actors = Actors.Where((_, i) => i != index).ToValueList() };
}
