using Parley.Model;

namespace Parley.Conflict;

/// <summary>A binary option of the engine's model; its position is its bit in a state mask.</summary>
internal sealed record ModelOption(string Id, string Name, OptionDirection Direction);
