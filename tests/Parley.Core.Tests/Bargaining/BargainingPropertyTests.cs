using CsCheck;
using Parley.Bargaining;
using Parley.Model;

namespace Parley.Core.Tests.Bargaining;

public sealed class BargainingPropertyTests
{
    [Fact]
    public void Frontier_DynamicProgramme_EqualsBruteForce() =>
        RandomTables.Small.Sample(table =>
        {
            var result = BargainingSolver.Solve(table, new BargainingOptions { Diagnose = false });

            var oracle = BruteForce.ZoneFrontier(table);
            Assert.Equal(oracle.Select(o => o.Package), result.Pareto.Select(o => o.Package));
            Assert.Equal(BruteForce.ZoneCount(table), result.AgreementZone);
            var open = table.WithoutRedLines().WithReservations([.. table.Parties.Select(_ => double.NegativeInfinity)]);
            Assert.Equal(BruteForce.ZoneFrontier(open).Select(o => o.Package), result.SpaceFrontier.Select(o => o.Package));
        }, iter: 300);

    [Fact]
    public void Frontier_EveryPointUndominatedInTheZone() =>
        RandomTables.Small.Sample(table =>
        {
            var result = BargainingSolver.Solve(table, new BargainingOptions { Diagnose = false });
            var zone = BruteForce.Zone(table);
            var tol = table.Tolerance;

            foreach (var f in result.Pareto)
            {
                Assert.True(table.IsInZone(f.Package.AsSpan()));
                Assert.DoesNotContain(zone, z =>
                    z.Utilities.Zip(f.Utilities).All(p => p.First >= p.Second - tol) && z.Utilities.Zip(f.Utilities).Any(p => p.First > p.Second + tol));
            }
        }, iter: 300);

    [Fact]
    public void Solutions_LieOnTheFrontierAndMaximiseTheirCriterion() =>
        RandomTables.Small.Sample(table =>
        {
            var result = BargainingSolver.Solve(table, new BargainingOptions { Diagnose = false });
            var zone = BruteForce.Zone(table);
            Assert.Equal(zone.Count == 0, result.Nash is null);
            if (zone.Count == 0)
            {
                return;
            }

            var r = table.Parties.Select(p => p.Reservation).ToArray();
            var ideal = Enumerable.Range(0, r.Length).Select(i => zone.Max(z => z.Utilities[i])).ToArray();
            var tol = table.Tolerance;
            double Gain(Outcome o, int i) => Math.Max(0, o.Utilities[i] - r[i]);
            double Nash(Outcome o) => Enumerable.Range(0, r.Length).Sum(i => Gain(o, i) <= tol ? double.NegativeInfinity : Math.Log(Gain(o, i)));
            double Ks(Outcome o) => Enumerable.Range(0, r.Length).Min(i => ideal[i] - r[i] <= tol ? 1 : Gain(o, i) / (ideal[i] - r[i]));
            double Egal(Outcome o) => Enumerable.Range(0, r.Length).Min(i => Gain(o, i));
            double Util(Outcome o) => o.Utilities.Sum();

            foreach (var (solution, criterion, slack) in new (Solution?, Func<Outcome, double>, double)[]
            {
                (result.Nash, Nash, 1e-9), (result.KalaiSmorodinsky, Ks, 1e-9), (result.Egalitarian, Egal, tol), (result.Utilitarian, Util, tol * r.Length),
            })
            {
                Assert.NotNull(solution);
                Assert.Contains(result.Pareto, f => f.Package.SequenceEqual(solution.Outcome.Package));
                var best = zone.Max(criterion);
                var mine = criterion(solution.Outcome);
                Assert.True(mine >= best - slack || double.IsNegativeInfinity(best), $"{solution.Kind}: {mine} < {best}");
            }
        }, iter: 300);

    [Fact]
    public void Solve_SameResultOnOneThreadOrTwo() =>
        RandomTables.Small.Sample(table =>
        {
            var one = BargainingSolver.Solve(table, new BargainingOptions { MaxDegreeOfParallelism = 1 });
            var two = BargainingSolver.Solve(table, new BargainingOptions { MaxDegreeOfParallelism = 2 });

            Assert.Equal(one, two);
        }, iter: 100);

    [Fact]
    public void ZoneCounter_ShortcutsDoNotChangeTheCount() =>
        RandomTables.Small.Sample(table =>
        {
            var grouped = GroupedSpace.Build(table)!;
            var thresholds = BargainingSolver.Thresholds(table);

            Assert.Equal(ZoneCounter.Count(grouped, thresholds, 2, shortcuts: false), ZoneCounter.Count(grouped, thresholds, 1));
        }, iter: 300);

    [Fact]
    public void StreamingFallback_EqualsDynamicProgramme() =>
        RandomTables.Small.Sample(table =>
        {
            var dp = BargainingSolver.Solve(table, new BargainingOptions { Diagnose = false });
            // A compound limit of 1 forces every multi-issue red line onto the streaming enumerator.
            var streamed = BargainingSolver.Solve(table, new BargainingOptions { Diagnose = false, CompoundLimit = 1, MaxDegreeOfParallelism = 2 });

            Assert.Equal(dp.Pareto, streamed.Pareto);
            Assert.Equal(dp.AgreementZone, streamed.AgreementZone);
            Assert.Equal(dp.Admissible, streamed.Admissible);
            Assert.Equal(dp.Nash, streamed.Nash);
        }, iter: 200);

    [Fact]
    public void StreamingFallback_SameOnAnyThreadCountWithOrWithoutShortcuts() =>
        Gen.Select(Gen.Int[2, 4], Gen.Int[6, 8], Gen.Int[0, int.MaxValue], Gen.Bool).Sample((parties, issues, seed, coarse) =>
        {
            // Larger tables than Small (6–8 issues) and tiny blocks, so there are many blocks and chunks to split.
            var table = RandomTables.Build(parties, issues, seed, coarse);
            var thresholds = BargainingSolver.Thresholds(table);
            var reference = StreamingFrontier.Compute(table, thresholds, 1, default, shortcuts: false, blockLimit: 8);

            foreach (var (workers, shortcuts) in new[] { (1, true), (2, true), (3, false), (4, true) })
            {
                var other = StreamingFrontier.Compute(table, thresholds, workers, default, shortcuts, blockLimit: 8);
                Assert.Equal(reference.Admissible, other.Admissible);
                Assert.Equal(reference.Zone, other.Zone);
                Assert.Equal(reference.Frontier, other.Frontier);
            }

            // And the default block size agrees with the dynamic programme on the frontier packages and counts.
            var dp = BargainingSolver.Solve(table, new BargainingOptions { Diagnose = false });
            var streamed = StreamingFrontier.Compute(table, thresholds, 2, default);
            Assert.Equal(BargainingSolver.Frontier(table).Select(o => o.Package), streamed.Frontier.Select(f => f.ToValueList()));
            Assert.Equal(dp.Admissible, streamed.Admissible);
            Assert.Equal(dp.AgreementZone, streamed.Zone);
        }, iter: 40);

    [Fact]
    public void StreamingFallback_AnyRedLineShape_EqualsBruteForce() =>
        Gen.Select(RandomTables.Small, Gen.Int[0, int.MaxValue]).Sample((small, seed) =>
        {
            // Random and/or/not/if/iff trees over issue and option atoms, so every operator of the block evaluator is used.
            var random = new Random(seed);
            var table = small with
            {
                Parties = small.Parties.Select((p, i) => p with
                {
                    RedLines = p.RedLines.Append(new RedLine($"R{i}", RandomRule(small.Space, random, 3))).ToValueList(),
                }).ToValueList(),
            };
            var admissible = BruteForce.Zone(table.WithReservations([.. table.Parties.Select(_ => double.NegativeInfinity)]));

            foreach (var blockLimit in new[] { 1, 8, StreamingFrontier.DefaultBlockLimit })
            {
                var streamed = StreamingFrontier.Compute(table, BargainingSolver.Thresholds(table), 2, default, blockLimit: blockLimit);
                Assert.Equal(admissible.Count, streamed.Admissible);
                Assert.Equal(BruteForce.ZoneCount(table), streamed.Zone);
                Assert.Equal(BruteForce.Frontier(admissible, table.Tolerance).Select(o => o.Package), streamed.Frontier.Select(f => f.ToValueList()));
            }
        }, iter: 200);

    private static Condition RandomRule(OutcomeSpace space, Random random, int depth)
    {
        var issue = space.Issues[random.Next(space.Issues.Count)];
        if (depth == 0 || random.NextDouble() < 0.25)
        {
            return random.NextDouble() < 0.3
                ? new OptionTaken(issue.OptionIds[random.Next(issue.OptionIds.Count)])
                : new IssueIn(issue.Id, issue.OptionIds.Where(_ => random.NextDouble() < 0.5).ToValueList(), random.NextDouble() < 0.3);
        }

        Condition Next() => RandomRule(space, random, depth - 1);
        return random.Next(5) switch
        {
            0 => new Negation(Next()),
            1 => new AllOf(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Next()).ToValueList()),
            2 => new AnyOf(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Next()).ToValueList()),
            3 => new Implies(Next(), Next()),
            _ => new Iff(Next(), Next()),
        };
    }
}
