using Parley.Model;

namespace Parley.Scenarios.Diff;

/// <summary>
/// What changed between two versions of a scenario, element by element by id (parties, issues and options, each
/// party's weights, scores, reservation value and red lines, the conflict section, stages, venues, deadlines,
/// confidentiality, and the simulation and forecast sections key by key). Pure and deterministic; thread-safe.
/// Two scenarios loaded from equivalent files (reformatted, comments changed) have no changes. Reordering alone
/// (the same elements in another order) is not reported.
/// </summary>
public static class ScenarioDiff
{
    /// <summary>
    /// The changes from <paramref name="old"/> to <paramref name="new"/>, in file order: scenario fields, parties,
    /// issues, preferences, conflict, process, simulation, forecast; within a list, removed and changed elements in
    /// the older order, then added ones in the newer order. Linear in the size of the scenarios.
    /// </summary>
    public static IReadOnlyList<ScenarioChange> Compare(Scenario old, Scenario @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        return new ScenarioDiffer(old, @new).Run();
    }

    /// <summary>
    /// <paramref name="scenario"/> (normally the older version) with <paramref name="change"/> alone applied, checked by
    /// writing it out and loading it back with <see cref="ScenarioLoader"/>. Not every change is valid alone: a red line
    /// naming an option added in the same step, or scores for a new issue, need the other change too; then
    /// <see cref="ChangeApplication.Problem"/> says why.
    /// </summary>
    public static ChangeApplication Apply(Scenario scenario, ScenarioChange change)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Patch is not { } patch)
        {
            return new ChangeApplication(null, "the change was not produced by ScenarioDiff.Compare");
        }

        string yaml;
        try
        {
            yaml = ScenarioWriter.Write(patch(scenario));
        }
        catch (ChangeNotApplicableException ex)
        {
            return new ChangeApplication(null, ex.Message);
        }
#pragma warning disable CA1031 // A patched model may be inconsistent in ways the writer does not expect (a weight list one short); the loader would reject it, so it is "not applicable", not a crash.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new ChangeApplication(null, $"the scenario with this change alone is inconsistent ({ex.Message})");
        }

        var loaded = ScenarioLoader.Load(yaml, "with " + change.Path);
        return loaded.Scenario is { } result
            ? new ChangeApplication(result, null)
            : new ChangeApplication(null, loaded.Errors.FirstOrDefault()?.Message ?? "the scenario with this change alone does not load");
    }
}
