using Parley.Cli.Infrastructure;
using Parley.Negotiation.Tournaments;

namespace Parley.Cli.Commands;

internal static partial class TournamentCommand
{
    private static TournamentDomain ImportDomain(DomainRef domain, IReadOnlyList<string> paths)
    {
        _ = paths;
        throw new UsageException($"domain '{domain.Name}': GENIUS/ANL domains need the bargaining lens's importers, which this build does not include yet");
    }
}
