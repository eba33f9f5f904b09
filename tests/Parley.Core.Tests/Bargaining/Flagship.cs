using Parley.Model;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Core.Tests.Bargaining;

/// <summary>The flagship scenario, loaded once for the bargaining tests.</summary>
internal static class Flagship
{
    private static readonly Lazy<Scenario> Loaded = new(() =>
        ScenarioLoader.Load(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship.yaml").Scenario!);

    public static Scenario Scenario => Loaded.Value;
}
