using Parley.Model;

namespace Parley.Negotiation.Simulation;

/// <summary>The ids a <c>simulation:</c> section may refer to.</summary>
/// <param name="Parties">Party ids.</param>
/// <param name="Stages">Stage ids of the process.</param>
/// <param name="RedLines">Red line ids.</param>
public sealed record SimulationReferences(ValueList<string> Parties, ValueList<string> Stages, ValueList<string> RedLines)
{
    /// <summary>The ids found in a scenario's parts.</summary>
    public static SimulationReferences Of(IReadOnlyList<Party> parties, ProcessSpec? process, IReadOnlyList<PartyPreferences> preferences) => new(
        parties.Select(p => p.Id).ToValueList(),
        (process?.Stages.Select(s => s.Id) ?? []).ToValueList(),
        preferences.SelectMany(p => p.RedLines.Select(r => r.Id)).ToValueList());
}
