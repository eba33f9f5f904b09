using Parley.Model;
using Parley.Scenarios;
using Parley.Scenarios.Diff;
using Parley.Tests;

namespace Parley.Core.Tests.Scenarios.Diff;

public sealed class ScenarioDiffTests
{
    private static readonly string FlagshipText = File.ReadAllText(TestPaths.Flagship);

    private static Scenario Load(string text) =>
        ScenarioLoader.Load(text, "test.yaml") is { Scenario: { } s } ? s : throw new InvalidOperationException(string.Join("\n", ScenarioLoader.Load(text, "test.yaml").Diagnostics));

    private static string Edit(string find, string replace)
    {
        Assert.Contains(find, FlagshipText, StringComparison.Ordinal);
        var at = FlagshipText.IndexOf(find, StringComparison.Ordinal);
        return FlagshipText[..at] + replace + FlagshipText[(at + find.Length)..];
    }

    /// <summary>One text edit of the flagship per element kind: what the diff must call it (flagship → edited).</summary>
    public static TheoryData<string, string, ChangeKind, ScenarioElement, string> Edits() => new()
    {
        { "title: Bilateral first, trilateral later", "title: Bilateral first, then trilateral", ChangeKind.Changed, ScenarioElement.Scenario, "title" },
        { "# Options ordered", "  - {id: TR, name: Turkey, roles: [observer]}\n# Options ordered", ChangeKind.Added, ScenarioElement.Party, "parties.TR" },
        { "negotiators: [Zelensky, Umerov]", "negotiators: [Zelensky, Umerov, Yermak]", ChangeKind.Changed, ScenarioElement.Party, "parties.UA.negotiators" },
        { "roles: [observer]", "roles: [observer, guarantor]", ChangeKind.Changed, ScenarioElement.Party, "parties.NATO.roles" },
        { "{id: V6, name: the Vatican}", "{id: V6, name: Vatican City}", ChangeKind.Changed, ScenarioElement.IssueOption, "issues.V.options.V6.name" },
        { "    name: Sequencing", "    name: Order of meetings", ChangeKind.Changed, ScenarioElement.Issue, "issues.Q.name" },
        { "V: [0, 30, 70, 80, 60, 80]", "V: [0, 30, 70, 80, 60, 90]", ChangeKind.Changed, ScenarioElement.Scores, "preferences.UA.scores.V" },
        { "reservation: 55", "reservation: 50", ChangeKind.Changed, ScenarioElement.Reservation, "preferences.RU.reservation" },
        { "      - {id: UA-not-moscow, rule: \"V != V1\", note: \"no meeting in Moscow\"}\n", "", ChangeKind.Removed, ScenarioElement.RedLine, "preferences.UA.red_lines.UA-not-moscow" },
        { "rule: \"G != G5\", note: \"no US", "rule: \"G not in [G4, G5]\", note: \"no US", ChangeKind.Changed, ScenarioElement.RedLine, "preferences.US.red_lines.US-no-ground-troops.rule" },
        { "{id: us_air, name: \"offer air support within guarantees\"}", "{id: us_air, name: \"offer air cover\"}", ChangeKind.Changed, ScenarioElement.ConflictOption, "conflict.decision_makers.US.options.us_air.name" },
        { "        - \"ua_meet\"\n", "", ChangeKind.Changed, ScenarioElement.DecisionMaker, "conflict.decision_makers.UA.preferences" },
        { "  infeasible:\n    - \"us_tri and not (ru_meet and ua_meet)\"\n", "  infeasible: []\n", ChangeKind.Removed, ScenarioElement.ConflictRule, "conflict.infeasible[us_tri and not (ru_meet and ua_meet)]" },
        { "status: open}", "status: done}", ChangeKind.Changed, ScenarioElement.Stage, "process.stages.S2.status" },
        { "participants: [RU, UA, US], after: [S4]", "participants: [RU, UA, US, EU], after: [S4]", ChangeKind.Changed, ScenarioElement.Stage, "process.stages.S5.participants" },
        { "    - {id: V6, name: the Vatican, accepted_by: [UA], rejected_by: []}\n", "", ChangeKind.Removed, ScenarioElement.Venue, "process.venues.V6" },
        { "{id: V2, name: Budapest, accepted_by: [RU, US], rejected_by: []}", "{id: V2, name: Budapest, accepted_by: [RU, US], rejected_by: [UA]}", ChangeKind.Changed, ScenarioElement.Venue, "process.venues.V2.rejected_by" },
        { "date: 2025-09-01", "date: 2025-09-05", ChangeKind.Changed, ScenarioElement.Deadline, "process.deadlines.D-two-weeks.date" },
        { "consequence: stall", "consequence: close-stage", ChangeKind.Changed, ScenarioElement.Deadline, "process.deadlines.D-two-weeks.consequence" },
        { "contents: participants", "contents: public", ChangeKind.Changed, ScenarioElement.Confidentiality, "process.confidentiality.contents" },
        { "start: 2025-08-19", "start: 2025-08-20", ChangeKind.Changed, ScenarioElement.Simulation, "simulation.start" },
        { "    - {id: NATO, name: NATO Secretary General, capability: 30,", "    - {id: NATO2, name: NATO Secretary General, capability: 30,", ChangeKind.Removed, ScenarioElement.Forecast, "forecast.actors.NATO" },
        { "capability: 55,", "capability: 60,", ChangeKind.Changed, ScenarioElement.Forecast, "forecast.actors.UA.capability" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Compare_OneEdit_NamesItAndAppliesAlone(string find, string replace, ChangeKind kind, ScenarioElement element, string path)
    {
        var (old, @new) = (Load(FlagshipText), Load(Edit(find, replace)));

        var change = Assert.Single(ScenarioDiff.Compare(old, @new), c => c.Path == path);
        Assert.Equal(kind, change.Kind);
        Assert.Equal(element, change.Element);
        Assert.Equal(kind == ChangeKind.Added, change.Before is null);
        Assert.Equal(kind == ChangeKind.Removed, change.After is null);
        var applied = ScenarioDiff.Apply(old, change);
        Assert.True(applied.Applicable, applied.Problem);
        var remaining = ScenarioDiff.Compare(applied.Scenario!, @new);
        Assert.DoesNotContain(remaining, c => c.Path == path);
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void Compare_OneEditBackwards_GivesTheInverseKind(string find, string replace, ChangeKind kind, ScenarioElement element, string path)
    {
        var (old, @new) = (Load(Edit(find, replace)), Load(FlagshipText));

        var change = Assert.Single(ScenarioDiff.Compare(old, @new), c => c.Path == path);
        Assert.Equal(kind switch { ChangeKind.Added => ChangeKind.Removed, ChangeKind.Removed => ChangeKind.Added, _ => ChangeKind.Changed }, change.Kind);
        Assert.Equal(element, change.Element);
        Assert.True(ScenarioDiff.Apply(old, change).Applicable);
    }

    [Fact]
    public void Compare_SingleEdits_ApplyToExactlyTheNewerVersion()
    {
        var old = Load(FlagshipText);
        var @new = Load(Edit("status: open}", "status: done}"));

        var change = Assert.Single(ScenarioDiff.Compare(old, @new));

        Assert.Equal("open", change.Before);
        Assert.Equal("done", change.After);
        Assert.Equal(@new, ScenarioDiff.Apply(old, change).Scenario);
    }

    [Fact]
    public void Compare_IdenticalOrReformattedFiles_FindsNothing()
    {
        var flagship = Load(FlagshipText);
        var rewritten = Load(ScenarioWriter.Write(flagship)); // block style, comments gone, keys reordered
        var commented = Load(FlagshipText.Replace("parties:\n", "# who is at the table\nparties:\n", StringComparison.Ordinal));

        Assert.Empty(ScenarioDiff.Compare(flagship, Load(FlagshipText)));
        Assert.Empty(ScenarioDiff.Compare(flagship, rewritten));
        Assert.Empty(ScenarioDiff.Compare(flagship, commented));
    }

    [Fact]
    public void Apply_RedLineOnAnOptionAddedInTheSameStep_IsNotApplicableAlone()
    {
        var old = Load(FlagshipText);
        var @new = Load(Edit("      - {id: V6, name: the Vatican}\n", "      - {id: V6, name: the Vatican}\n      - {id: V7, name: Riyadh}\n")
            .Replace("V: [100, 70, 70, 30, 80, 20]", "V: [100, 70, 70, 30, 80, 20, 90]", StringComparison.Ordinal)
            .Replace("V: [0, 30, 70, 80, 60, 80]", "V: [0, 30, 70, 80, 60, 80, 50]", StringComparison.Ordinal)
            .Replace("V: [50, 80, 70, 70, 80, 60]", "V: [50, 80, 70, 70, 80, 60, 80]", StringComparison.Ordinal)
            .Replace("V: [0, 30, 70, 90, 50, 80]", "V: [0, 30, 70, 90, 50, 80, 40]", StringComparison.Ordinal)
            .Replace("V: [0, 30, 70, 80, 50, 60]", "V: [0, 30, 70, 80, 50, 60, 40]", StringComparison.Ordinal)
            .Replace("rule: \"V != V1\"", "rule: \"V not in [V1, V7]\"", StringComparison.Ordinal));

        var changes = ScenarioDiff.Compare(old, @new);

        Assert.Contains(changes, c => c is { Kind: ChangeKind.Added, Path: "issues.V.options.V7" });
        var rule = Assert.Single(changes, c => c.Path == "preferences.UA.red_lines.UA-not-moscow.rule");
        var alone = ScenarioDiff.Apply(old, rule);
        Assert.False(alone.Applicable);
        Assert.Contains("V7", alone.Problem, StringComparison.Ordinal);
    }
}
