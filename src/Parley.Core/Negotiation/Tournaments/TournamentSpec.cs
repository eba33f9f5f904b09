using Parley.Model;
using Parley.Negotiation.Simulation;
using Parley.Negotiation.Strategies;

namespace Parley.Negotiation.Tournaments;

/// <summary>
/// A tournament: every strategy against every other (and itself) in every role of every domain, repeated.
/// Read from YAML with <see cref="TournamentSpecReader.Read"/>.
/// </summary>
/// <param name="Name">Tournament name.</param>
/// <param name="Seed">Seed; each session's random stream derives from (seed, session key).</param>
/// <param name="Repetitions">Repetitions of each pairing.</param>
/// <param name="Protocol">Protocol of every session.</param>
/// <param name="Rounds">Deadline in rounds.</param>
/// <param name="SessionSeconds">Wall-clock limit per session (enforced by the runner), or null.</param>
/// <param name="Strategies">Competing strategies (names must be unique).</param>
/// <param name="Domains">Where sessions take place.</param>
public sealed record TournamentSpec(
    string Name,
    ulong Seed,
    int Repetitions,
    ProtocolKind Protocol,
    int Rounds,
    double? SessionSeconds,
    ValueList<StrategySpec> Strategies,
    ValueList<DomainRef> Domains);
