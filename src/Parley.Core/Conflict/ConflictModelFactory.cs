using Parley.Model;

namespace Parley.Conflict;

/// <summary>Builds the engine's model from a scenario's <c>conflict:</c> section.</summary>
internal static class ConflictModelFactory
{
    public static ConflictModel FromSpec(ConflictSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var options = new List<ModelOption>();
        var dms = new List<ModelDecisionMaker>();
        foreach (var dm in spec.DecisionMakers)
        {
            long mask = 0;
            foreach (var o in dm.Options)
            {
                mask |= 1L << options.Count;
                options.Add(new ModelOption(o.Id, o.Name, o.Direction));
            }

            dms.Add(new ModelDecisionMaker(dm.Id, dm.Name, mask));
        }

        var bitOf = options.Select((o, k) => (o.Id, k)).ToDictionary(x => x.Id, x => x.k, StringComparer.Ordinal);
        var infeasible = spec.Infeasible.Select(c => ConflictModelBuilder.Compile(c, bitOf)).ToArray();
        var exclusive = spec.ExclusiveGroups.Select(g => GroupMask(g, bitOf)).ToArray();
        var atLeastOne = spec.AtLeastOneGroups.Select(g => GroupMask(g, bitOf)).ToArray();
        bool Feasible(long s) =>
            !Array.Exists(infeasible, f => f(s))
            && Array.TrueForAll(exclusive, g => System.Numerics.BitOperations.PopCount((ulong)(s & g)) <= 1)
            && Array.TrueForAll(atLeastOne, g => (s & g) != 0);

        var prefs = spec.DecisionMakers.Select(dm => dm.Preferences.Ranking is { } ranking
            ? (PayoffSource)new PayoffSource.RankingMasks([.. ranking.Select(tier => (IReadOnlyList<long>)[.. tier.Select(CodeMask)])])
            : new PayoffSource.Statements([.. (dm.Preferences.Statements ?? ValueList<Condition>.Empty).Select(c => ConflictModelBuilder.Compile(c, bitOf))])).ToList();
        var mis = spec.DecisionMakers.Select(dm => dm.Misperceptions.Count == 0
            ? null
            : AnyOf(dm.Misperceptions.Select(c => ConflictModelBuilder.Compile(c, bitOf)).ToArray())).ToList();
        long? sq = spec.StatusQuo is { } taken ? GroupMask(taken, bitOf) : null;
        return ConflictModelBuilder.Build(options, dms, Feasible, prefs, mis, sq);
    }

    private static Func<long, bool> AnyOf(Func<long, bool>[] fs) => s => Array.Exists(fs, f => f(s));

    private static long GroupMask(IEnumerable<string> ids, Dictionary<string, int> bitOf) =>
        ids.Aggregate(0L, (m, id) => m | (1L << bitOf[id]));

    private static long CodeMask(string code)
    {
        long m = 0;
        for (var k = 0; k < code.Length; k++)
        {
            if (code[k] is 'Y' or 'y')
            {
                m |= 1L << k;
            }
        }

        return m;
    }
}
