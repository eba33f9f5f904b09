using Parley.Bargaining;
using Parley.Bargaining.Export;
using Parley.Bargaining.Import;
using Parley.Tests;

namespace Parley.Core.Tests.Bargaining.Export;

/// <summary>
/// Domains of the field (GENIUS, ANL 2023, NegoLog; read from ../shared/data, never copied) imported, turned into a
/// scenario (<see cref="ImportedDomain.ToScenario"/>) and exported to every bargaining format: read back, each gives the
/// same zone, frontiers and solutions. Skipped with a reason where the data is absent (failing under CI=true).
/// </summary>
public sealed class ExportInteropTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var domain in new[] { "genius/anac/y2011/Laptop", "geniusweb-anl2023/domain00", "negolog/domain0" })
        {
            foreach (var format in new[] { "genius", "geniusweb", "negmas" })
            {
                data.Add(domain, format);
            }
        }

        return data;
    }

    [SharedDataTheory]
    [MemberData(nameof(Cases))]
    public void ImportExportImport_SameLensResults(string domain, string format)
    {
        var folder = Path.Combine(TestPaths.SharedData, "negotiation", domain);
        var source = Import(folder);
        var scenario = source.ToScenario("interop");
        var ids = source.Table.Parties.Select(p => p.Id).ToArray();

        var (back, backIds) = format switch
        {
            "genius" => GeniusRoundTrip(scenario, ids),
            "geniusweb" => (JsonProfiles.Read([.. Files(GeniusWebExport.Export(scenario, ids, "interop"))]).Table, ids.Length == 2 ? ["profileA", "profileB"] : ids),
            _ => (NegmasYaml.Read(NegmasExportTests.Folder(NegmasExport.Export(scenario, ids))).Table, ids),
        };

        RoundTrip.AssertSameResults(scenario, ids, back, backIds, perPartyScale: format == "genius");
        var direct = BargainingSolver.Solve(source.Table);
        var viaExport = BargainingSolver.Solve(back.WithParties(backIds));
        Assert.Equal(direct.Nash?.Outcome.Package, viaExport.Nash?.Outcome.Package);
        Assert.Equal(direct.Pareto.Select(o => o.Package), viaExport.Pareto.Select(o => o.Package));
    }

    private static (UtilityTable, string[]) GeniusRoundTrip(Model.Scenario scenario, string[] ids)
    {
        var result = GeniusExport.Export(scenario, ids);
        return (GeniusXml.Read(RoundTrip.Source(result, "interop-domain.xml"), [.. ids.Select(id => RoundTrip.Source(result, id + ".xml"))]).Table, ids);
    }

    private static IEnumerable<SourceText> Files(ExportResult result) => result.Files.Select(f => new SourceText(f.Name, f.Text));

    private static ImportedDomain Import(string folder)
    {
        var xml = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList();
        if (xml.Count > 0)
        {
            var domain = xml.Single(f => Path.GetFileName(f).Contains("domain", StringComparison.OrdinalIgnoreCase));
            return GeniusXml.Read(Read(domain), [.. xml.Where(f => f != domain).Select(Read)]);
        }

        return JsonProfiles.Read([.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Where(f => !f.EndsWith("specials.json", StringComparison.Ordinal) && !f.EndsWith("specs.json", StringComparison.Ordinal)).Select(Read)]);
    }

    private static SourceText Read(string path) => new(path, File.ReadAllText(path));
}
