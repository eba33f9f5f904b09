using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
namespace Parley.Bargaining;

/// <summary>
/// The one JSON shape of a bargaining result: <c>parley bargain --format json</c>, the briefing's agreement
/// section (<c>parley report --format json</c>, the live briefing), the talks service's analysis
/// (<c>GET /api/talks/{id}/analysis</c>) and the studio's agreement lens all write it.
/// Keys that consumers rely on are always present: solutions and a party's ideal are <c>null</c>, and the
/// diagnosis lists empty, when they do not apply.
/// </summary>
public static class BargainingJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document; <paramref name="source"/> (the input named as the user gave it) comes first when given.</summary>
    /// <param name="result">A solved bargaining problem.</param>
    /// <param name="source">The input's name, or null to leave the key out.</param>
    public static JsonObject Of(BargainingResult result, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var node = JsonSerializer.SerializeToNode(Shape(result, source), Options)!.AsObject();
        foreach (var key in new[] { "agreementZone", "nash", "kalaiSmorodinsky", "egalitarian", "utilitarian", "diagnosisMaxSetSize" })
        {
            node.TryAdd(key, null);
        }

        node.TryAdd("conflicts", new JsonArray());
        node.TryAdd("relaxations", new JsonArray());
        node.TryAdd("reservationCuts", new JsonArray());

        // Without a diagnosis the zone is not empty, so the red lines alone cannot be incompatible.
        node.TryAdd("redLinesAloneIncompatible", false);
        foreach (var party in node["parties"]!.AsArray())
        {
            // No ideal when the zone is empty: null, not a missing key.
            party!.AsObject().TryAdd("ideal", null);
        }

        return node;
    }

    private static object Shape(BargainingResult r, string? source)
    {
        var table = r.Table;
        var ids = table.Parties.Select(p => p.Id).ToList();
        Dictionary<string, string> Package(Outcome o) => table.Space.Options(o.Package.AsSpan()).ToDictionary(kv => kv.Key, kv => kv.Value);
        Dictionary<string, double> PerParty(IEnumerable<double> values) => ids.Zip(values).ToDictionary(z => z.First, z => z.Second);
        object Point(Outcome o) => new { package = Package(o), label = table.Space.Describe(o.Package.AsSpan()), utilities = PerParty(o.Utilities) };
        object? Sol(Solution? s) => s is null ? null : new
        {
            package = Package(s.Outcome),
            label = s.Label,
            utilities = PerParty(s.Parties.Select(p => p.Utility)),
            gains = PerParty(s.Parties.Select(p => p.Gain)),
            concessions = PerParty(s.Parties.Select(p => p.Concession)),
        };
        return new
        {
            source,
            parties = table.Parties.Select((p, i) => new
            {
                id = p.Id,
                name = p.Name,
                reservation = p.Reservation,
                ideal = r.Ideals.Count > 0 ? r.Ideals[i] : (double?)null,
                redLines = p.RedLines.Select(l => new { id = l.Id, rule = l.Rule.ToString() }),
            }),
            issues = table.Space.Issues.Select(i => new { id = i.Id, options = i.OptionIds }),
            outcomes = r.Outcomes,
            admissible = r.Admissible,
            agreementZone = r.AgreementZone,
            pareto = r.Pareto.Select(Point),
            spaceFrontier = r.SpaceFrontier.Select(Point),
            nash = Sol(r.Nash),
            kalaiSmorodinsky = Sol(r.KalaiSmorodinsky),
            egalitarian = Sol(r.Egalitarian),
            utilitarian = Sol(r.Utilitarian),
            conflicts = r.Diagnosis?.Conflicts,
            redLinesAloneIncompatible = r.Diagnosis?.RedLinesAloneIncompatible,
            relaxations = r.Diagnosis?.Relaxations.Select(x => new { drop = x.Drop, agreementZone = x.AgreementZone, nash = Sol(x.Nash) }),
            reservationCuts = r.Diagnosis?.ReservationCuts.Select(c => new
            {
                parties = c.Parties,
                cuts = c.Parties.Zip(c.Cuts).ToDictionary(z => z.First, z => z.Second),
                uniform = c.Uniform,
                agreementZone = c.AgreementZone,
                nash = Sol(c.Nash),
            }),
            diagnosisMaxSetSize = r.Diagnosis?.MaxSetSize,
        };
    }
}
