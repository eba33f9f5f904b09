using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Model;

namespace Parley.Bargaining.Export;

/// <summary>
/// Writes GeniusWeb <c>LinearAdditiveUtilitySpace</c> profiles with their domain, in the ANL 2023 layout for two parties
/// (<c>DOMAIN.json</c>, <c>profileA.json</c>, <c>profileB.json</c>; the domain file is named like its folder, as in
/// ANL's <c>domain00/domain00.json</c>) and as <c>PARTY.json</c> per party otherwise. Values and weights are on 0–1 as
/// GeniusWeb requires; the reservation value is carried as ANL's <c>reserved_value</c> (read by the ANL/NegMAS tools and
/// <see cref="Import.JsonProfiles"/>), since GeniusWeb itself only knows a reservation bid, which no bid matches exactly.
/// </summary>
internal static class GeniusWebExport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the files. Pure: nothing is written.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="partyIds">Parties (default: every non-optional party with preferences).</param>
    /// <param name="domainName">Name of the domain and of its file (default: the scenario id).</param>
    /// <exception cref="ArgumentException">See <see cref="ExportModel.From"/>.</exception>
    public static ExportResult Export(Scenario scenario, IReadOnlyList<string>? partyIds = null, string? domainName = null)
    {
        var model = ExportModel.From(scenario, partyIds);
        var s = model.Scenario;
        var name = string.IsNullOrWhiteSpace(domainName) ? (s.Id.Length > 0 ? s.Id : "domain") : domainName;
        var anl = model.Parties.Count == 2;
        var profileNames = anl ? ["profileA", "profileB"] : model.Parties.Select(p => p.Id).ToList();
        if (profileNames.Contains(name, StringComparer.Ordinal))
        {
            name += "-domain";
        }

        var files = new List<ExportedFile> { new(name + ".json", Write(Domain(s, name))) };
        var notes = new List<string> { GeniusExport.Scale(s) };
        for (var i = 0; i < model.Parties.Count; i++)
        {
            var p = model.Parties[i];
            files.Add(new(profileNames[i] + ".json", Write(Profile(s, p, name, profileNames[i]))));
            notes.Add($"{profileNames[i]}.json = {p.Id} ({p.Name}), reserved_value {p.Reservation.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        notes.Add("reservation values are written as ANL's reserved_value; GeniusWeb's own parser knows only reservationBid and may reject the extra field");
        if (anl)
        {
            notes.Add("ANL 2023 layout: parties are profileA and profileB; importing names them after the files");
        }

        var lost = ExportLosses.Bargaining(model, "GeniusWeb", keepsNumeric: false);
        lost.Add("issue and option display names (GeniusWeb names issues and values by id)");
        return new ExportResult("geniusweb", files.ToValueList(), lost.ToValueList(), notes.ToValueList());
    }

    private static JsonObject Domain(Scenario s, string name)
    {
        var issues = new JsonObject();
        foreach (var issue in s.Issues)
        {
            issues[issue.Id] = new JsonObject { ["values"] = new JsonArray([.. issue.Options.Select(o => (JsonNode)JsonValue.Create(o.Id))]) };
        }

        return new JsonObject { ["name"] = name, ["issuesValues"] = issues };
    }

    private static JsonObject Profile(Scenario s, ExportParty p, string domainName, string profileName)
    {
        var utilities = new JsonObject();
        var weights = new JsonObject();
        for (var k = 0; k < s.Issues.Count; k++)
        {
            var values = new JsonObject();
            for (var o = 0; o < s.Issues[k].Options.Count; o++)
            {
                values[s.Issues[k].Options[o].Id] = p.Values[k][o];
            }

            utilities[s.Issues[k].Id] = new JsonObject { ["DiscreteValueSetUtilities"] = new JsonObject { ["valueUtilities"] = values } };
            weights[s.Issues[k].Id] = p.Weights[k];
        }

        return new JsonObject
        {
            ["LinearAdditiveUtilitySpace"] = new JsonObject
            {
                ["issueUtilities"] = utilities,
                ["issueWeights"] = weights,
                ["domain"] = Domain(s, domainName),
                ["name"] = profileName,
                ["reserved_value"] = p.Reservation,
            },
        };
    }

    private static string Write(JsonObject o) => o.ToJsonString(Indented) + "\n";
}
