using System.Runtime.CompilerServices;

namespace Parley.Bargaining;

/// <summary>
/// Per-table cache of compiled red lines, so that <see cref="UtilityTable.IsAcceptable"/> (called in loops by agents)
/// does not recompile rules. Keyed by reference and held weakly; not a field of the record, which would break its
/// value equality.
/// </summary>
internal static class CompiledRedLines
{
    private static readonly ConditionalWeakTable<UtilityTable, CompiledRule[][]> Cache = [];

    public static CompiledRule[][] For(UtilityTable table) => Cache.GetValue(table, t =>
        [.. t.Parties.Select(p => p.RedLines.Select(r => RedLineCompiler.Compile(t.Space, r)).ToArray())]);
}
