using Parley.Model;

namespace Parley.Negotiation;

/// <summary>
/// One session's moves, exported for analysis and plots (the "dance"). This is the analyst's view: it lists
/// every party's own utility of each package, which no agent at the table could see.
/// </summary>
/// <param name="Stage">Stage id (or the tournament session key).</param>
/// <param name="Attempt">0 for the first attempt, then 1, 2, … after stalls.</param>
/// <param name="Protocol">Protocol used.</param>
/// <param name="Parties">Parties at the table, in table order (mediator proposals appear as party "mediator").</param>
/// <param name="Agenda">Issue ids negotiated.</param>
/// <param name="OpenDay">When the session opened (days since the simulation start).</param>
/// <param name="EndDay">When it ended.</param>
/// <param name="Outcome">agreement, deadline, walkaway or limit.</param>
/// <param name="Agreement">The agreed package (option ids), or null.</param>
/// <param name="Moves">Every move in order.</param>
public sealed record SessionTraceRecord(
    string Stage,
    int Attempt,
    string Protocol,
    ValueList<string> Parties,
    ValueList<string> Agenda,
    double OpenDay,
    double EndDay,
    string Outcome,
    ValueList<string>? Agreement,
    ValueList<TraceStep> Moves);
