namespace Parley.Negotiation.Simulation;

/// <summary>An agreed package and how often it came up.</summary>
/// <param name="Package">Option ids of the settled issues.</param>
/// <param name="Count">Runs.</param>
/// <param name="Share">Share of the agreements.</param>
public sealed record PackageShare(string Package, long Count, double Share);
