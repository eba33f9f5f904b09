using Parley.Model;

namespace Parley.Negotiation.Tournaments;

/// <summary>How a tournament session ended (one JSON line in the results file).</summary>
/// <param name="Key">The session key.</param>
/// <param name="Domain">Domain name.</param>
/// <param name="Roles">Role (party) ids in table order.</param>
/// <param name="Strategies">Strategy name per role.</param>
/// <param name="Repetition">Repetition.</param>
/// <param name="Agreement">True when a package was agreed.</param>
/// <param name="Package">The agreed package (option ids), or null.</param>
/// <param name="Utilities">Per role: utility of the agreement, or its reservation value on disagreement.</param>
/// <param name="Rounds">Rounds played.</param>
/// <param name="Reason">agreement, deadline, walkaway or limit.</param>
/// <param name="Welfare">Sum of <see cref="Utilities"/>.</param>
/// <param name="ParetoDistance">Distance of <see cref="Utilities"/> to the Pareto frontier, or null when unknown.</param>
/// <param name="NashDistance">Distance to the Nash solution, or null.</param>
public sealed record SessionResult(
    string Key,
    string Domain,
    ValueList<string> Roles,
    ValueList<string> Strategies,
    int Repetition,
    bool Agreement,
    ValueList<string>? Package,
    ValueList<double> Utilities,
    int Rounds,
    string Reason,
    double Welfare,
    double? ParetoDistance,
    double? NashDistance);
