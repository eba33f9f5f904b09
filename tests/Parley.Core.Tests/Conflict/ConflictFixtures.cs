using Parley.Conflict;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Core.Tests.Conflict;

/// <summary>Loads the hand-entered published cases in Fixtures/ and gmcr-py's files from the shared data.</summary>
internal static class ConflictFixtures
{
    public static string Dir => Path.Combine(TestPaths.RepoRoot, "tests", "Parley.Core.Tests", "Conflict", "Fixtures");

    public static ConflictModel Load(string name)
    {
        var path = Path.Combine(Dir, name + ".yaml");
        var result = ScenarioLoader.Load(File.ReadAllBytes(path), path);
        Assert.True(result.Scenario is not null, string.Join("\n", result.Diagnostics));
        return ConflictModelFactory.FromSpec(result.Scenario!.Conflict!);
    }

    public static GmcrConflict Gmcr(string relative)
    {
        var path = Path.Combine(TestPaths.SharedData!, "gmcr", relative);
        return GmcrImport.Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Ordered ids (1-based) of the equilibria under a concept.</summary>
    public static int[] Equilibria(ConflictModel model, StabilityConcept concept, Player[]? players = null, SanctionMode mode = SanctionMode.Full)
    {
        var result = new StabilityEngine(model, players ?? Player.Individuals(model), mode).Analyze([concept]);
        return [.. result.Equilibria(0).Select(ConflictModel.OrderedId)];
    }

    public static int Dm(ConflictModel model, string id) =>
        model.DecisionMakers.Select((d, i) => (d, i)).Single(x => x.d.Id == id).i;
}
