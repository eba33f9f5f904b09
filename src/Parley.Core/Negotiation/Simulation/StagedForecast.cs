using System.Globalization;
using Parley.Model;

namespace Parley.Negotiation.Simulation;

/// <summary>
/// Monte Carlo forecast of staged talks (MODELS.md §2.6). The unit of work is the pure
/// <see cref="RunBatch(SimulationPlan, ulong, long, long)"/>: runs [from, to) for a seed, as an exactly
/// mergeable <see cref="SimulationTally"/>. Any partition of [0, N) into batches — threads here, grains on a
/// cluster — merged with <see cref="SimulationTally.Merge"/> gives the same tally and so the same report.
/// </summary>
public static class StagedForecast
{
    private const int Chunk = 128;

    /// <summary>Runs [<paramref name="fromRun"/>, <paramref name="toRun"/>) with the declared priors. Pure and thread-safe.</summary>
    public static SimulationTally RunBatch(SimulationPlan plan, ulong seed, long fromRun, long toRun) =>
        RunBatch(plan, seed, fromRun, toRun, SensitivityKnobs.None);

    /// <summary>Runs [<paramref name="fromRun"/>, <paramref name="toRun"/>) with priors adjusted by <paramref name="knobs"/>.</summary>
    public static SimulationTally RunBatch(SimulationPlan plan, ulong seed, long fromRun, long toRun, SensitivityKnobs knobs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(fromRun);
        ArgumentOutOfRangeException.ThrowIfLessThan(toRun, fromRun);
        var tally = SimulationTally.For(plan);
        for (var run = fromRun; run < toRun; run++)
        {
            tally.Add(StagedRun.Run(plan, seed, run, knobs), plan.Scenario.Issues);
        }

        return tally;
    }

    /// <summary>
    /// Runs [0, <paramref name="runs"/>) on up to <paramref name="threads"/> threads. The result does not
    /// depend on the thread count. <paramref name="progress"/> receives the number of runs finished so far.
    /// </summary>
    public static SimulationTally Run(SimulationPlan plan, ulong seed, long runs, int threads = 1, IProgress<long>? progress = null,
        SensitivityKnobs? knobs = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        var chunks = (int)((runs + Chunk - 1) / Chunk);
        var tallies = new SimulationTally[chunks];
        long done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancel };
        Parallel.For(0, chunks, options, c =>
        {
            var from = (long)c * Chunk;
            var to = Math.Min(runs, from + Chunk);
            tallies[c] = RunBatch(plan, seed, from, to, knobs ?? SensitivityKnobs.None);
            progress?.Report(Interlocked.Add(ref done, to - from));
        });
        var total = SimulationTally.For(plan);
        foreach (var t in tallies)
        {
            total.Merge(t);
        }

        return total;
    }

    /// <summary>One run with every session's moves, for <c>--trace</c> and the dance plot.</summary>
    public static RunTrace Trace(SimulationPlan plan, ulong seed, long run)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sessions = new List<SessionTraceRecord>();
        var outcome = StagedRun.Run(plan, seed, run, SensitivityKnobs.None, sessions);
        var issues = plan.Scenario.Issues;
        return new RunTrace(plan.Scenario.Id, seed, run, plan.Start,
            plan.Stages.Select((s, i) => new StageTiming(s.Id, Nullable(outcome.Opened[i]), Nullable(outcome.Succeeded[i]))).ToValueList(),
            Nullable(outcome.AgreementDay),
            double.IsNaN(outcome.AgreementDay) ? null : outcome.Package.Select((o, k) => o < 0 ? null : issues[k].Options[o].Id).OfType<string>().ToValueList(),
            sessions.ToValueList());
    }

    /// <summary>The report for a date from a tally.</summary>
    public static ForecastReport Report(SimulationPlan plan, SimulationTally tally, DateOnly by)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(tally);
        var n = tally.Runs;
        var day = Math.Min(plan.DayIndex(by), tally.HorizonDays);
        var stages = plan.Stages.Select((s, i) => new StageForecast(s.Id, s.Name,
            Proportion.Of(day < 0 ? 0 : tally.OpenedBy(i, day), n),
            Proportion.Of(day < 0 ? 0 : tally.SucceededBy(i, day), n),
            n == 0 ? 0 : tally.FailedAt(i) / (double)n)).ToValueList();
        var agreedEver = tally.AgreedBy(tally.HorizonDays);
        TimeToAgreement? time = null;
        if (agreedEver > 0)
        {
            long sum = 0;
            for (var d = 0; d <= tally.HorizonDays; d++)
            {
                sum += d * tally.AgreementsOn(d);
            }

            int Quantile(double q)
            {
                var target = (long)Math.Ceiling(q * agreedEver);
                for (var d = 0; d <= tally.HorizonDays; d++)
                {
                    if (tally.AgreedBy(d) >= Math.Max(1, target))
                    {
                        return d;
                    }
                }

                return tally.HorizonDays;
            }

            var median = Quantile(0.5);
            time = new TimeToAgreement(sum / (double)agreedEver, Quantile(0.1), median, Quantile(0.9), plan.Start.AddDays(median));
        }

        var packages = tally.Packages.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(10)
            .Select(p => new PackageShare(p.Key, p.Value, p.Value / (double)Math.Max(1, agreedEver))).ToValueList();
        var options = plan.Scenario.Issues.Select((issue, k) => new IssueShares(issue.Id,
            issue.Options.Select((o, j) => new KeyValuePair<string, double>(o.Id, agreedEver == 0 ? 0 : tally.OptionCount(k, j) / (double)agreedEver)).ToValueList()))
            .ToValueList();
        var curve = new List<CurvePoint>();
        for (var d = 0; d <= tally.HorizonDays; d += 7)
        {
            curve.Add(new CurvePoint(plan.Start.AddDays(d), Proportion.Of(tally.AgreedBy(d), n),
                plan.Stages.Select((_, i) => Proportion.Of(tally.OpenedBy(i, d), n)).ToValueList()));
        }

        return new ForecastReport(plan.Scenario.Id, n, plan.Start, by, plan.AgreementStage, plan.FocusStage, plan.Spec.Illustrative, stages,
            Proportion.Of(day < 0 ? 0 : tally.AgreedBy(day), n), Proportion.Of(agreedEver, n), time, packages, options, curve.ToValueList());
    }

    /// <summary>
    /// One-at-a-time sensitivity: for each prior in <see cref="SensitivityKnobs.FactorsFor"/>, reruns the same
    /// seeds (common random numbers) at its low and high setting. Rows come sorted by swing, largest first.
    /// </summary>
    public static ValueList<SensitivityRow> Sensitivity(SimulationPlan plan, ulong seed, long runs, DateOnly by, int threads = 1,
        IProgress<long>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var probes = 0;
        return Sensitivity(plan, runs, by, (knobs, n) =>
            Run(plan, seed, n, threads, progress is null ? null : new Offset(progress, probes++ * n), knobs, cancel));
    }

    /// <summary>
    /// One-at-a-time sensitivity with the runs done by <paramref name="runner"/> (e.g. batches on a cluster):
    /// it is called once per setting, in <see cref="SensitivityKnobs.FactorsFor"/> order (low, then high), and must
    /// return the tally of runs [0, <paramref name="runs"/>) with that setting and the caller's seed — any exact
    /// batching merged in order does, so the rows equal the in-process ones.
    /// </summary>
    /// <exception cref="InvalidOperationException">The runner returned a tally of another run count.</exception>
    public static ValueList<SensitivityRow> Sensitivity(SimulationPlan plan, long runs, DateOnly by, Func<SensitivityKnobs, long, SimulationTally> runner)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        var day = Math.Min(plan.DayIndex(by), plan.HorizonDays);
        var focus = plan.FocusStageIndex;
        (double Agreement, double? Focus) Probe(SensitivityKnobs knobs)
        {
            var t = runner(knobs, runs);
            if (t.Runs != runs)
            {
                throw new InvalidOperationException($"sensitivity runner returned {t.Runs} runs for a setting, expected {runs}");
            }

            return day < 0 || t.Runs == 0
                ? (0, focus < 0 ? null : 0)
                : (t.AgreedBy(day) / (double)t.Runs, focus < 0 ? null : t.OpenedBy(focus, day) / (double)t.Runs);
        }

        var rows = new List<SensitivityRow>();
        foreach (var (factor, low, high, lowKnobs, highKnobs) in SensitivityKnobs.FactorsFor(plan))
        {
            var l = Probe(lowKnobs);
            var h = Probe(highKnobs);
            var swing = Math.Max(Math.Abs(h.Agreement - l.Agreement), focus < 0 ? 0 : Math.Abs(h.Focus!.Value - l.Focus!.Value));
            rows.Add(new SensitivityRow(factor, low, high, l.Agreement, h.Agreement, l.Focus, h.Focus, swing));
        }

        return rows.OrderByDescending(r => r.Swing).ThenBy(r => r.Factor, StringComparer.Ordinal).ToValueList();
    }

    private static double? Nullable(double v) => double.IsNaN(v) ? null : Math.Round(v, 6);

    /// <summary>Reports an inner call's progress shifted by the runs of the calls before it.</summary>
    private sealed class Offset(IProgress<long> outer, long offset) : IProgress<long>
    {
        public void Report(long value) => outer.Report(offset + value);
    }

    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
