namespace Parley.Model;

/// <summary>A party to the talks (a state, a coalition, an organisation).</summary>
/// <param name="Id">Short id used everywhere else in the file (e.g. <c>RU</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Roles">One or more roles; the first is the primary one.</param>
/// <param name="Negotiators">People named as negotiators, in order of seniority.</param>
/// <param name="Optional">True for a party that is off by default in the lenses (e.g. an observer).</param>
public sealed record Party(string Id, string Name, ValueList<PartyRole> Roles, ValueList<string> Negotiators, bool Optional = false)
{
    /// <summary>True when the party has the given role.</summary>
    public bool Has(PartyRole role) => Roles.Contains(role);
}

/// <summary>What a party is in the talks.</summary>
public enum PartyRole
{
    /// <summary>A principal party with its own stake (a belligerent in a war).</summary>
    Party,

    /// <summary>A principal party that is at war with another; treated as <see cref="Party"/> by the lenses.</summary>
    Belligerent,

    /// <summary>Chairs or brokers the talks; sees what parties disclose to it.</summary>
    Mediator,

    /// <summary>Underwrites an agreement (security guarantees, sanctions).</summary>
    Guarantor,

    /// <summary>Follows the talks without a stake in the package.</summary>
    Observer,
}
