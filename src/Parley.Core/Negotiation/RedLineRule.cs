namespace Parley.Negotiation;

/// <summary>A compiled red line with its id.</summary>
internal sealed record RedLineRule(string Id, CompiledRule Rule);
