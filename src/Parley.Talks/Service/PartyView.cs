using Parley.Model;

namespace Parley.Talks.Service;

/// <summary>A party's public facts.</summary>
/// <param name="Id">Party id.</param>
/// <param name="Name">Name.</param>
/// <param name="Roles">Roles.</param>
/// <param name="Negotiators">Negotiators named in the scenario, then those appointed during the talks.</param>
/// <param name="Optional">True for an optional party.</param>
public sealed record PartyView(string Id, string Name, IReadOnlyList<PartyRole> Roles, IReadOnlyList<string> Negotiators, bool Optional);
