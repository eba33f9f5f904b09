using Parley.Forecast;
using Parley.Scenarios;

namespace Parley.Tests.Forecast;

public sealed class ForecastSectionReaderTests
{
    private const string Scenario = """
        parley: 1
        id: t
        parties:
          - {id: A, name: A}
        forecast:

        """;

    private static LoadResult Load(string forecast) => ScenarioLoader.Load(Scenario + forecast, "s.yaml");

    [Fact]
    public void Flagship_section_is_the_flagship_csv()
    {
        var scenario = ScenarioLoader.LoadOrThrow(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "ukraine-talks-2025.yaml");
        var fromYaml = ForecastSectionReader.Read(scenario.Forecast!, "ukraine-talks-2025.yaml", scenario.Title).OrThrow();
        var fromCsv = ForecastData.Csv("ukr2025_smp_illustrative.csv");

        Assert.True(fromYaml.Illustrative);
        Assert.Equal(fromCsv.Dimensions, fromYaml.Dimensions);
        Assert.Equal(fromCsv.Actors.Select(a => (a.Name, a.Capability, a.Positions, a.Saliences)),
            fromYaml.Actors.Select(a => (a.Name, a.Capability, a.Positions, a.Saliences)));
    }

    [Fact]
    public void Flagship_section_reproduces_KTABs_five_actor_run()
    {
        var scenario = ScenarioLoader.LoadOrThrow(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship");
        var input = ForecastSectionReader.Read(scenario.Forecast!, "flagship", scenario.Title).OrThrow();

        var mismatches = KtabParityTests.Compare(input, SmpModel.Run(input), ForecastData.Summary("ukr2025_illustrative_5actors.summary.txt"));

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("""
          dimensions: [{id: x}]
          actors:
            - {id: A, capability: 1, position: {x: 10}, salience: {x: 50}}
            - {id: B, capability: 1, position: {x: 120}, salience: {x: 50}}
        """, 9, 44, "position of 'B' on 'x' must be within [0, 100], found 120")]
    [InlineData("""
          dimensions: [{id: x}]
          actors:
            - {id: A, capability: 1, position: {x: 10}, salience: {x: 50}}
            - {id: B, capability: 1, position: {y: 10}, salience: {x: 50}}
        """, 9, 41, "'B.position' names unknown dimension 'y' (did you mean 'x'?)")]
    [InlineData("""
          dimensions: [{id: territory}, {id: security}]
          actors:
            - {id: A, capability: 1, position: {territory: 10, security: 5}, salience: {territory: 50, security: 5}}
            - {id: B, capability: 1, position: {territory: 10, security: 5}, salience: {territory: 50, secruity: 5}}
        """, 9, 96, "'B.salience' names unknown dimension 'secruity' (did you mean 'security'?); dimensions are territory, security")]
    [InlineData("""
          dimensions: [{id: x}, {id: z}]
          actors:
            - {id: A, capability: 1, position: {x: 10, z: 1}, salience: {x: 50, z: 60}}
            - {id: B, capability: 1, position: {x: 10, z: 1}, salience: {x: 50, z: 0}}
        """, 8, 65, "saliences of 'A' sum to 110; at most 100 in total")]
    [InlineData("""
          dimensions: [{id: x}]
          actors:
            - {id: A, position: {x: 10}, salience: {x: 50}}
            - {id: B, capability: 1, position: {x: 10}, salience: {x: 50}}
        """, 8, 7, "actor 'A' needs a capability")]
    [InlineData("""
          dimensions: [{id: x}]
          actors:
            - {id: A, capability: lots, position: {x: 10}, salience: {x: 50}}
            - {id: B, capability: 1, position: {x: 10}, salience: {x: 50}}
        """, 8, 27, "capability of 'A' must be a number, found 'lots'")]
    [InlineData("""
          dimensions: [{id: x}]
          actors:
            - {id: A, capability: 1, position: {x: 10}, salience: {x: 50}}
        """, 8, 5, "'forecast.actors' must list at least two actors")]
    [InlineData("""
          dimensions: [{id: x}]
          colour: red
          actors:
            - {id: A, capability: 1, position: {x: 10}, salience: {x: 50}}
            - {id: B, capability: 1, position: {x: 10}, salience: {x: 50}}
        """, 7, 3, "unknown key 'colour' in forecast; expected one of")]
    public void Hostile_sections_are_located(string section, int line, int column, string message)
    {
        var result = Load(section);

        Assert.False(result.Success);
        var error = result.Errors.First(e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
