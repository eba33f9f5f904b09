namespace Parley.Conflict;

/// <summary>A decision maker of the engine's model and the bit mask of the options it controls.</summary>
internal sealed record ModelDecisionMaker(string Id, string Name, long Mask);
