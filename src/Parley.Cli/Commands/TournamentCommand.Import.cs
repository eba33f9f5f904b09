using Parley.Bargaining.Import;
using Parley.Negotiation.Tournaments;

namespace Parley.Cli.Commands;

internal static partial class TournamentCommand
{
    /// <summary>
    /// A GENIUS / GeniusWeb / ANL domain through the bargaining lens's importers. <c>genius:</c> lists files
    /// (a GENIUS domain XML first, then two or more profile XMLs; or JSON profiles, optionally with a GeniusWeb
    /// domain file), or names one folder whose *.xml or *.json files are taken in name order (GENIUS: the file
    /// whose name contains "domain" first).
    /// </summary>
    private static TournamentDomain ImportDomain(DomainRef domain, List<string> paths)
    {
        if (domain.Kind == "negmas")
        {
            // A NegMAS folder: its outcome space and utility functions, parties named after the files.
            return TournamentDomain.FromTable(domain.Name, NegmasYaml.Read(Cli.Infrastructure.NegmasFolder.Files(paths[0])).Table, domain.Parties, domain.RedLines);
        }

        var files = paths.Count == 1 && Directory.Exists(paths[0]) ? FolderFiles(paths[0]) : [.. paths];
        foreach (var f in files.Where(f => !File.Exists(f)))
        {
            throw new ArgumentException($"domain '{domain.Name}': no such file {f}");
        }

        var sources = files.Select(f => new SourceText(f, File.ReadAllText(f))).ToList();
        var imported = sources.All(s => s.File.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            ? JsonProfiles.Read(sources)
            : GeniusXml.Read(sources[0], [.. sources.Skip(1)]);
        return TournamentDomain.FromTable(domain.Name, imported.Table, domain.Parties, domain.RedLines);
    }

    private static List<string> FolderFiles(string folder)
    {
        var xml = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList();
        if (xml.Count > 0)
        {
            var domainFile = xml.FirstOrDefault(f => Path.GetFileName(f).Contains("domain", StringComparison.OrdinalIgnoreCase)) ?? xml[0];
            return [domainFile, .. xml.Where(f => f != domainFile)];
        }

        return [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)];
    }
}
