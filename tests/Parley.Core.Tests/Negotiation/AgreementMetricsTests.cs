using Parley.Model;
using Parley.Negotiation.Tournaments;
using Parley.Scenarios;

namespace Parley.Tests.Negotiation;

public class AgreementMetricsTests
{
    [Fact]
    public void Flagship_NashPointIsTheBriefsCheckValue_AndInteriorPointsAreFarFromTheFrontier()
    {
        var scenario = ScenarioLoader.LoadOrThrow(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship");
        var metrics = AgreementMetrics.For(scenario, ["RU", "UA"], redLines: false);

        // BRIEF.md: without red lines the Nash product for RU–UA is maximised at utilities RU 65.5, UA 50.0.
        Assert.Equal(0, metrics.DistanceToNash([65.5, 50.0])!.Value, 9);
        Assert.Equal(0, metrics.DistanceToPareto([65.5, 50.0])!.Value, 9);
        Assert.True(metrics.DistanceToPareto([40, 30]) > 10);
    }

    [Fact]
    public void Flagship_WithRedLines_HasNoNashPoint()
    {
        var scenario = ScenarioLoader.LoadOrThrow(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship");

        Assert.Null(AgreementMetrics.For(scenario, ["RU", "UA"], redLines: true).DistanceToNash([55, 40]));
    }
}
