namespace Parley.Conflict;

/// <summary>An imported gmcr-py conflict and the coalitions its file declares (null when every DM stands alone).</summary>
internal sealed record GmcrConflict(ConflictModel Model, IReadOnlyList<IReadOnlyList<int>>? Coalitions);
