using Parley.Bargaining;
using Parley.Model;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Rules;

/// <summary>
/// The bargaining lens run by the service on consented private data, reduced to what a blind check may
/// reveal (<see cref="BlindAnswer"/>): whether a package is acceptable to all, one suggested package, the
/// zone's size in buckets and, for an empty zone, who clashes and how many red lines would have to move —
/// names only of parties that consented to be named. Pure.
/// </summary>
public static class BlindCheck
{
    /// <summary>The rule names accepted by the API, with the one used when none is given first.</summary>
    public static IReadOnlyList<string> Rules { get; } = ["max-min-gain", "nash", "kalai-smorodinsky"];

    /// <summary>The zone buckets, smallest first.</summary>
    public static IReadOnlyList<string> ZoneBuckets { get; } = ["0", "1-10", "11-100", ">100"];

    /// <summary>The rule a name selects.</summary>
    public static SuggestionRule? ParseRule(string? name) => name switch
    {
        null or "max-min-gain" => SuggestionRule.MaxMinGain,
        "nash" => SuggestionRule.Nash,
        "kalai-smorodinsky" => SuggestionRule.KalaiSmorodinsky,
        _ => null,
    };

    /// <summary>The zone size as a bucket (a null count means too large to count, hence above 100).</summary>
    public static string ZoneBucket(bool agreement, long? zone) => !agreement ? "0" : zone switch
    {
        null or > 100 => ">100",
        > 10 => "11-100",
        _ => "1-10",
    };

    /// <summary>The preferences the service may compute with for a consenting party: what it consented to, nothing more.</summary>
    public static PartyPreferences Consented(Scenario scenario, string party, Position position, BlindConsent consent)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(consent);
        var used = position with
        {
            Reservation = consent.Reservation ? position.Reservation : scenario.Scale.Min,
            RedLines = consent.RedLines ? position.RedLines : [],
        };
        return Positions.ToPreferences(scenario, party, used);
    }

    /// <summary>Runs the check over <paramref name="parties"/> (validated and consenting).</summary>
    internal static BlindAnswer Answer(TalksProjection s, IReadOnlyList<string> parties, SuggestionRule rule, CancellationToken cancellationToken = default)
    {
        var preferences = parties.Select(p => Consented(s.Scenario, p, s.Positions[p], s.Blind.ConsentOf(p))).ToList();
        var scenario = s.Scenario with { Preferences = preferences.ToValueList() };
        var result = BargainingSolver.Solve(scenario, new BargainingOptions { Parties = parties, MaxDegreeOfParallelism = 1 }, cancellationToken);
        var suggestion = BargainingSolver.Suggest(result, rule);
        IReadOnlyDictionary<string, IReadOnlyList<string>> basis = parties.ToDictionary(p => p, p => (IReadOnlyList<string>)Basis(s.Blind.ConsentOf(p)), StringComparer.Ordinal);
        if (result.HasAgreement)
        {
            var package = new SortedDictionary<string, string>(StringComparer.Ordinal);
            for (var k = 0; k < scenario.Issues.Count; k++)
            {
                package[scenario.Issues[k].Id] = scenario.Issues[k].Options[suggestion!.Outcome.Package[k]].Id;
            }

            return new BlindAnswer(true, package, ZoneBucket(true, result.AgreementZone), null, null, null, basis);
        }

        var named = parties.Where(p => s.Blind.ConsentOf(p).Named).ToHashSet(StringComparer.Ordinal);
        var owners = OwnersOfRedLines(preferences);
        var diagnosis = result.Diagnosis;
        var clashing = (diagnosis?.Conflicts ?? ValueList<ValueList<string>>.Empty).SelectMany(set => set).SelectMany(member => Owners(member, owners))
            .Where(named.Contains).Distinct().Order(StringComparer.Ordinal).ToList();
        var smallest = diagnosis is { Relaxations.Count: > 0 } ? diagnosis.Relaxations[0] : null;
        var namedLines = smallest?.Drop.Where(id => owners.TryGetValue(id, out var o) && o.All(named.Contains)).Order(StringComparer.Ordinal).ToList();
        return new BlindAnswer(false, null, "0", clashing, smallest?.Drop.Count, namedLines, basis);
    }

    private static List<string> Basis(BlindConsent consent)
    {
        List<string> used = ["weights"];
        if (consent.Reservation)
        {
            used.Add("reservation");
        }

        if (consent.RedLines)
        {
            used.Add("red-lines");
        }

        return used;
    }

    /// <summary>Red-line id → the parties that hold a red line of that id.</summary>
    private static Dictionary<string, List<string>> OwnersOfRedLines(IEnumerable<PartyPreferences> preferences)
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var p in preferences)
        {
            foreach (var line in p.RedLines)
            {
                if (!owners.TryGetValue(line.Id, out var list))
                {
                    owners[line.Id] = list = [];
                }

                list.Add(p.PartyId);
            }
        }

        return owners;
    }

    /// <summary>Who a conflict member belongs to: a red line's owners, or the party of a <c>PARTY:reservation</c> member.</summary>
    private static List<string> Owners(string member, Dictionary<string, List<string>> owners) =>
        owners.TryGetValue(member, out var list) ? list
        : member.EndsWith(":reservation", StringComparison.Ordinal) ? [member[..^":reservation".Length]]
        : [];
}
