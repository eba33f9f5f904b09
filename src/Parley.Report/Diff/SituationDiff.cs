using Parley.Model;
using Parley.Scenarios.Diff;

namespace Parley.Report.Diff;

/// <summary>
/// What changed between two versions of a situation and what that did to the findings: equilibria gained or lost per
/// stability concept, the agreement zone, the Nash package, the red lines that block and what reopens the zone,
/// P(agreement) and P(focus stage opened) by the date with 95% intervals, and the forecast outcome per dimension.
/// For each finding that moved, the change that moves it most when applied alone to the older version.
/// Used by <c>parley diff</c> and the studio's <c>POST /api/studio/diff</c>; serialise with <see cref="SituationDiffJson"/>.
/// </summary>
public static class SituationDiff
{
    /// <summary>
    /// Compares <paramref name="old"/> with <paramref name="new"/>. Deterministic: the same inputs and options give the same
    /// result on any number of cores. Cost: each lens twice, plus once per change that the lens reads for every lens with a
    /// finding that moved (the outlook with <see cref="DiffOptions.Runs"/> runs each time). Thread-safe.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="DiffOptions.Runs"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SituationDiffResult Compare(Scenario old, Scenario @new, DiffOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        options ??= DiffOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Runs, 1);

        var changes = ScenarioDiff.Compare(old, @new);
        var applied = changes.Select(c => ScenarioDiff.Apply(old, c)).ToList();
        var touched = LensFindings.Lenses.ToDictionary(l => l, l => changes.Any(c => LensFindings.Reads(l, c.Section)));
        var work = new Work(options.Progress, LensFindings.Lenses.Length + touched.Count(t => t.Value));

        var before = new Dictionary<string, Dictionary<string, FindingValue>>();
        var after = new Dictionary<string, Dictionary<string, FindingValue>>();
        foreach (var lens in LensFindings.Lenses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            before[lens] = work.Do($"{lens}: {options.OldName}", () => LensFindings.Of(lens, old, options.OldName, options, cancellationToken));
            after[lens] = touched[lens] ? work.Do($"{lens}: {options.NewName}", () => LensFindings.Of(lens, @new, options.NewName, options, cancellationToken)) : before[lens];
        }

        // Attribution: recompute a lens on old + one change, for each change it reads, where one of its findings moved.
        var moved = LensFindings.Lenses.ToDictionary(l => l, l => Ids(before[l], after[l]).Any(id => FindingValue.Distance(Get(before[l], id), Get(after[l], id)) > 0));
        var alone = new Dictionary<(int Change, string Lens), Dictionary<string, FindingValue>>();
        var jobs = LensFindings.Lenses.Where(l => moved[l])
            .SelectMany(l => changes.Select((c, i) => (Lens: l, Index: i, c.Section)).Where(j => applied[j.Index].Applicable && LensFindings.Reads(l, j.Section)))
            .ToList();
        work.Add(jobs.Count);
        foreach (var (lens, i, _) in jobs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            alone[(i, lens)] = work.Do($"{lens}: {options.OldName} + change {i + 1} of {changes.Count}",
                () => LensFindings.Of(lens, applied[i].Scenario!, $"{options.OldName} + change {i + 1}", options, cancellationToken));
        }

        var findings = new List<FindingChange>();
        foreach (var lens in LensFindings.Lenses)
        {
            foreach (var id in Ids(before[lens], after[lens]))
            {
                var (x, y) = (Get(before[lens], id), Get(after[lens], id));
                var distance = FindingValue.Distance(x, y);
                var shown = (y ?? x)!;
                Attribution? by = null;
                string? note = null;
                if (distance > 0)
                {
                    var best = jobs.Where(j => j.Lens == lens)
                        .Select(j => (j.Index, Value: Get(alone[(j.Index, lens)], id), Effect: FindingValue.Distance(x, Get(alone[(j.Index, lens)], id))))
                        .Aggregate(((int Index, FindingValue? Value, double Effect)?)null, (acc, next) => next.Effect > (acc?.Effect ?? 0) ? next : acc);
                    if (best is { } b)
                    {
                        by = new Attribution(b.Index + 1, changes[b.Index].Path, b.Value?.Words ?? "absent", b.Effect);
                    }
                    else
                    {
                        var notAlone = changes.Where((c, i) => !applied[i].Applicable && LensFindings.Reads(lens, c.Section)).Count();
                        note = "no single change moves it alone; it moves only with several together"
                            + (notAlone > 0 ? $" ({notAlone} of the changes it reads cannot be applied alone)" : "");
                    }

                    if (x?.Interval is { } p && y?.Interval is { } q && p.Low <= q.High && q.Low <= p.High)
                    {
                        note = (note is null ? "" : note + "; ") + $"the 95% intervals overlap: the move is within the simulation's noise at {options.Runs:N0} runs";
                    }
                }

                findings.Add(new FindingChange(id, lens, shown.Name, x?.Words ?? "absent", y?.Words ?? "absent", distance > 0,
                    [.. (y?.Items ?? []).Except(x?.Items ?? [], StringComparer.Ordinal)], [.. (x?.Items ?? []).Except(y?.Items ?? [], StringComparer.Ordinal)],
                    x?.Interval, y?.Interval, by, note));
            }
        }

        var list = changes.Select((c, i) => new DiffChange(i + 1, c.Kind, c.Element, c.Path, c.Before, c.After, applied[i].Problem)).ToList();
        return new SituationDiffResult(options.OldName, options.NewName, options.Runs, options.Seed, options.By, list, findings);
    }

    private static FindingValue? Get(Dictionary<string, FindingValue> values, string id) => values.GetValueOrDefault(id);

    /// <summary>Finding ids of both versions: the older's in order, then those only the newer has.</summary>
    private static IEnumerable<string> Ids(Dictionary<string, FindingValue> x, Dictionary<string, FindingValue> y) => x.Keys.Concat(y.Keys.Where(k => !x.ContainsKey(k)));

    /// <summary>Counts lens computations done against those planned, for the progress callback.</summary>
    private sealed class Work(Action<string, double>? progress, int total)
    {
        private int _total = total;
        private int _done;

        public void Add(int more) => _total += more;

        public T Do<T>(string what, Func<T> compute)
        {
            progress?.Invoke(what, (double)_done / Math.Max(1, _total));
            var result = compute();
            _done++;
            progress?.Invoke(what, (double)_done / Math.Max(1, _total));
            return result;
        }
    }
}
