namespace Parley.Model;

/// <summary>
/// The graph model for conflict resolution (GMCR) read by the stability lens: decision makers
/// controlling binary options, feasibility, and each decision maker's preferences.
/// </summary>
/// <param name="DecisionMakers">Decision makers in order; their options, concatenated, give the option order used by state codes.</param>
/// <param name="Infeasible">Combinations that cannot occur (a state satisfying any of these is infeasible).</param>
/// <param name="ExclusiveGroups">Groups of options of which at most one may be taken.</param>
/// <param name="AtLeastOneGroups">Groups of options of which at least one must be taken (may be empty).</param>
/// <param name="StatusQuo">The options taken in the status quo, or null when none is declared.</param>
public sealed record ConflictSpec(
    ValueList<DecisionMaker> DecisionMakers,
    ValueList<Condition> Infeasible,
    ValueList<ValueList<string>> ExclusiveGroups,
    ValueList<ValueList<string>> AtLeastOneGroups,
    ValueList<string>? StatusQuo)
{
    /// <summary>All options in state-code order (decision makers in order, each one's options in order).</summary>
    public IEnumerable<ConflictOption> AllOptions => DecisionMakers.SelectMany(d => d.Options);
}

/// <summary>A decision maker (DM) of the conflict model.</summary>
/// <param name="Id">Id; often a party id, but any name is allowed.</param>
/// <param name="Name">Display name.</param>
/// <param name="Options">The binary options this DM controls.</param>
/// <param name="Preferences">How the DM ranks states.</param>
/// <param name="Misperceptions">States the DM does not see (states satisfying any of these are invisible to it).</param>
public sealed record DecisionMaker(
    string Id,
    string Name,
    ValueList<ConflictOption> Options,
    ConflictPreferences Preferences,
    ValueList<Condition> Misperceptions);

/// <summary>A binary option; <see cref="Direction"/> restricts reversibility.</summary>
public sealed record ConflictOption(string Id, string Name, OptionDirection Direction = OptionDirection.Both);

/// <summary>Which way an option may be changed.</summary>
public enum OptionDirection
{
    /// <summary>Can be taken and withdrawn.</summary>
    Both,

    /// <summary>Once taken it cannot be withdrawn (N→Y only).</summary>
    Forward,

    /// <summary>Can only be withdrawn (Y→N only).</summary>
    Backward,
}

/// <summary>
/// A DM's preferences: either option-prioritisation statements (most important first; statement i of
/// P weighs 2^(P−i−1)), or a direct ranking of states with ties (best tier first; each state as a Y/N
/// code over all options in state-code order).
/// </summary>
public sealed record ConflictPreferences(ValueList<Condition>? Statements, ValueList<ValueList<string>>? Ranking);
