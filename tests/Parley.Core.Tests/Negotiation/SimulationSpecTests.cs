using Parley.Model;
using Parley.Negotiation.Simulation;
using Parley.Scenarios;

namespace Parley.Tests.Negotiation;

public class SimulationSpecTests
{
    private static LoadResult Load(string simulation) =>
        ScenarioLoader.Load(SimulationTestScenarios.Head + "\n" + simulation + "\n" + SimulationTestScenarios.Process + "\n", "s.yaml");

    [Fact]
    public void Read_FullSection_ParsesEveryField()
    {
        var result = Load("""
            simulation:
              illustrative: true
              start: 2025-08-19
              horizon_days: 200
              agreement_stage: S3
              focus_stage: S2
              defaults: {rounds: 7, round_days: 0.5, protocol: alternating, mediated_protocol: mediated-hill-climbing}
              stages:
                S1:
                  duration_days: {triangular: [1, 2, 3]}
                  success: 0.5
              strategies:
                A: boulware
                B: {type: time, e: "uniform(0.5, 1.5)", accept: "combi(0.9)", model: true}
              uncertainty:
                score_noise: 3
                weight_concentration: 40
                reservation_shift: normal(0, 2)
                erosion_per_week: triangular(0, 0.5, 1)
                red_lines: {firm: 0.8, softening_per_week: 0.05}
              retry: {after_days: 7, max: 2, restart_from: S2, deadline_days: 5, pressure: {reservation_shift: -3, softening_boost: 0.1, parties: [A]}}
            """);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("simulation", StringComparison.Ordinal));
        var spec = SimulationSpec.Of(result.Scenario!);
        Assert.Equal(new DateOnly(2025, 8, 19), spec.Start);
        Assert.Equal(200, spec.HorizonDays);
        Assert.Equal(7, spec.For("S2").Rounds);
        Assert.Equal(ProtocolKind.MediatedHillClimbing, spec.For("S3").MediatedProtocol);
        Assert.Equal(new Distribution(DistributionKind.Triangular, 1, 2, 3), spec.For("S1").DurationDays);
        Assert.Equal(0.5, spec.For("S1").Success);
        Assert.Equal("boulware", spec.StrategyOf("A").Name);
        Assert.True(spec.StrategyOf("B").ModelOpponents);
        Assert.Equal(DistributionKind.Uniform, spec.StrategyOf("B").Exponent.Kind);
        Assert.Equal(0.8, spec.Uncertainty.Firm);
        Assert.Equal(2, spec.Retry.Max);
        Assert.Equal("S2", spec.Retry.RestartFrom);
        Assert.Equal(Distribution.Constant(5), spec.Retry.DeadlineDays);
        Assert.Equal(new PressureSpec(Distribution.Constant(-3), 0.1, new[] { "A" }.ToValueList()), spec.Retry.Pressure);
    }

    [Theory]
    [InlineData("simulation:\n  horizon: 3", 2, 3, "unknown key 'horizon' in simulation; expected one of")]
    [InlineData("simulation:\n  stages:\n    S9: {rounds: 3}", 3, 5, "unknown stage 'S9'")]
    [InlineData("simulation:\n  strategies:\n    Z: linear", 3, 5, "unknown party 'Z'")]
    [InlineData("simulation:\n  strategies:\n    A: wobble", 3, 8, "unknown strategy 'wobble'")]
    [InlineData("simulation:\n  defaults:\n    delay_days: triangular(5, 1, 2)", 3, 17, "triangular needs")]
    [InlineData("simulation:\n  defaults:\n    round_days: 0", 3, 17, "must be positive")]
    [InlineData("simulation:\n  uncertainty:\n    red_lines: {firm: 1.5}", 3, 23, "probability")]
    [InlineData("simulation:\n  start: 19 Aug", 2, 10, "expected a date")]
    [InlineData("simulation: 3", 1, 13, "mapping")]
    [InlineData("simulation:\n  retry: {restart_from: S9}", 2, 25, "restart_from names unknown stage 'S9'")]
    [InlineData("simulation:\n  retry:\n    pressure: {parties: [Z]}", 3, 26, "unknown party 'Z'")]
    public void Read_BadInput_IsAnErrorAtItsPlace(string simulation, int line, int column, string message)
    {
        var result = Load(simulation);
        var headLines = SimulationTestScenarios.Head.Split('\n').Length;
        var error = Assert.Single(result.Errors);

        Assert.False(result.Success);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((headLines + line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Flagship_SimulationSectionLoadsWithoutDiagnostics()
    {
        var result = ScenarioLoader.Load(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship.yaml");

        Assert.True(result.Success);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.StartsWith("simulation", StringComparison.Ordinal) || d.Message.Contains("'simulation.", StringComparison.Ordinal));
    }
}
