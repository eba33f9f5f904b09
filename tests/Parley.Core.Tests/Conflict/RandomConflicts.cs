using Parley.Conflict;
using Parley.Model;

namespace Parley.Core.Tests.Conflict;

/// <summary>Small random conflicts for property tests, built deterministically from a seed.</summary>
internal static class RandomConflicts
{
    /// <param name="sparse">All states feasible, and each DM cares about a random subset of the options only
    /// (exercises the engine's shortcut for options irrelevant to a DM).</param>
    public static ConflictModel Create(int seed, int minDms = 2, int maxDms = 4, bool sparse = false)
    {
        var random = new Random(seed);
        var dmCount = random.Next(minDms, maxDms + 1);
        var options = new List<ModelOption>();
        var dms = new List<ModelDecisionMaker>();
        for (var d = 0; d < dmCount; d++)
        {
            long mask = 0;
            var count = random.Next(1, dmCount >= 4 ? 2 : 3);
            for (var k = 0; k < count; k++)
            {
                mask |= 1L << options.Count;
                var direction = random.Next(6) switch
                {
                    0 => OptionDirection.Forward,
                    1 => OptionDirection.Backward,
                    _ => OptionDirection.Both,
                };
                options.Add(new ModelOption($"o{options.Count}", $"o{options.Count}", direction));
            }

            dms.Add(new ModelDecisionMaker($"D{d}", $"D{d}", mask));
        }

        var n = options.Count;
        var infeasible = Enumerable.Range(0, sparse ? 0 : random.Next(0, 3)).Select(_ => (Care: (long)random.Next(1, 1 << n), Want: (long)random.Next(0, 1 << n))).ToList();
        var all = 1L << n;
        bool Feasible(long s) => s == 0 || !infeasible.Exists(p => (s & p.Care) == (p.Want & p.Care));
        var prefs = dms.Select(_ =>
        {
            var levels = random.Next(2, 6);
            var cares = sparse ? random.Next(1, (int)all) : (int)all - 1;
            var byCared = Enumerable.Range(0, (int)all).Select(_ => random.Next(levels)).ToArray();
            var score = Enumerable.Range(0, (int)all).Select(m => byCared[m & cares]).ToArray();
            return (PayoffSource)new PayoffSource.RankingMasks([.. Enumerable.Range(0, levels).Reverse()
                .Select(l => (IReadOnlyList<long>)[.. Enumerable.Range(0, (int)all).Where(m => score[m] == l).Select(m => (long)m)])]);
        }).ToList();
        return ConflictModelBuilder.Build(options, dms, Feasible, prefs, [.. dms.Select(_ => (Func<long, bool>?)null)], null);
    }
}
