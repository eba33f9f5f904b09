namespace Parley.Model;

/// <summary>
/// One negotiation, described once and read by every lens and by the talks service.
/// Immutable; two scenarios loaded from equivalent files are equal.
/// </summary>
/// <param name="Id">Short machine id (e.g. <c>ukraine-talks-2025</c>).</param>
/// <param name="Title">Human title.</param>
/// <param name="Description">Free text; may be empty.</param>
/// <param name="Scale">The score scale every option score and reservation value lives on (default 0–100).</param>
/// <param name="Parties">Parties in declaration order.</param>
/// <param name="Issues">Issues in declaration order.</param>
/// <param name="Preferences">Each party's private preferences (at most one entry per party), in party order.</param>
/// <param name="Conflict">The stability lens's graph model, if declared.</param>
/// <param name="Process">Stages, venues, deadlines and confidentiality, if declared.</param>
/// <param name="Simulation">The negotiation lens's section, kept as a raw tree until that lens defines it.</param>
/// <param name="Forecast">The forecast lens's section, kept as a raw tree until that lens defines it.</param>
public sealed record Scenario(
    string Id,
    string Title,
    string Description,
    ScoreScale Scale,
    ValueList<Party> Parties,
    ValueList<Issue> Issues,
    ValueList<PartyPreferences> Preferences,
    ConflictSpec? Conflict,
    ProcessSpec? Process,
    RawNode? Simulation,
    RawNode? Forecast)
{
    /// <summary>The party with the given id, or null.</summary>
    public Party? FindParty(string id) => Parties.FirstOrDefault(p => p.Id == id);

    /// <summary>The issue with the given id, or null.</summary>
    public Issue? FindIssue(string id) => Issues.FirstOrDefault(i => i.Id == id);

    /// <summary>Index of the issue with the given id, or -1.</summary>
    public int IssueIndex(string id)
    {
        for (var k = 0; k < Issues.Count; k++)
        {
            if (Issues[k].Id == id)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The private preferences of a party, or null when none were declared.</summary>
    public PartyPreferences? PreferencesOf(string partyId) => Preferences.FirstOrDefault(p => p.PartyId == partyId);

    /// <summary>
    /// Number of packages (the product of the issues' option counts), saturating at <see cref="double.MaxValue"/>;
    /// 0 for a scenario without issues (a conflict-only scenario has nothing to package).
    /// </summary>
    public double PackageCount => Issues.Count == 0 ? 0 : Issues.Aggregate(1.0, (acc, issue) => acc * issue.Options.Count);
}

/// <summary>The range of option scores and reservation values (inclusive).</summary>
public sealed record ScoreScale(double Min, double Max)
{
    /// <summary>The default 0–100 scale.</summary>
    public static ScoreScale Default { get; } = new(0, 100);

    /// <summary>True when <paramref name="value"/> lies within the scale.</summary>
    public bool Contains(double value) => value >= Min && value <= Max;
}
