namespace Parley.Conflict;

/// <summary>
/// States reachable from <see cref="Start"/> by players' unilateral improvements (coalitional ones when
/// players are coalitions), each with a shortest path of moves; <see cref="Final"/> are the reachable
/// states from which no player can improve (where the improvement dynamics stop).
/// </summary>
internal sealed record StatusQuoResult(int Start, IReadOnlyList<int> Reachable, IReadOnlyDictionary<int, IReadOnlyList<MoveStep>> Paths, IReadOnlyList<int> Final);
