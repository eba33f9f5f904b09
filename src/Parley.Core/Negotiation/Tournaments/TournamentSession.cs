using Parley.Model;

namespace Parley.Negotiation.Tournaments;

/// <summary>One session of a tournament: a domain, a strategy per role, a repetition. <see cref="Key"/> identifies it across runs and resumes.</summary>
/// <param name="Key">Stable id: <c>domain|strategy per role|repetition</c>.</param>
/// <param name="Domain">Domain index in the spec.</param>
/// <param name="Strategies">Strategy index per role.</param>
/// <param name="Repetition">Repetition (0-based).</param>
public sealed record TournamentSession(string Key, int Domain, ValueList<int> Strategies, int Repetition);
