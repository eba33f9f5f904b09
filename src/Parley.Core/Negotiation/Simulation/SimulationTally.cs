namespace Parley.Negotiation.Simulation;

/// <summary>
/// Counts over a batch of runs: per stage and per day, how many runs first opened / succeeded it that day;
/// agreements per day; agreed packages; where runs failed. Only integer counts, so <see cref="Merge"/> is
/// exact, associative and commutative: splitting runs into batches (threads, cluster grains) in any way
/// and merging gives the same tally. Day d means the d-th day after the start (an event at time τ days
/// falls on day ⌈τ⌉ − 1).
/// </summary>
public sealed partial class SimulationTally
{
    private readonly long[][] _opened;
    private readonly long[][] _succeeded;
    private readonly long[] _agreements;
    private readonly long[] _failedAt;
    private readonly long[][] _options;
    private readonly SortedDictionary<string, long> _packages = new(StringComparer.Ordinal);

    /// <summary>An empty tally for <paramref name="stages"/> stages over <paramref name="horizonDays"/> days.</summary>
    /// <param name="stages">Number of stages.</param>
    /// <param name="horizonDays">Days counted.</param>
    /// <param name="optionCounts">Option count per scenario issue.</param>
    public SimulationTally(int stages, int horizonDays, IReadOnlyList<int> optionCounts)
    {
        ArgumentNullException.ThrowIfNull(optionCounts);
        HorizonDays = horizonDays;
        _opened = [.. Enumerable.Range(0, stages).Select(_ => new long[horizonDays + 1])];
        _succeeded = [.. Enumerable.Range(0, stages).Select(_ => new long[horizonDays + 1])];
        _agreements = new long[horizonDays + 1];
        _failedAt = new long[stages];
        _options = [.. optionCounts.Select(n => new long[n])];
    }

    /// <summary>An empty tally shaped for a plan.</summary>
    public static SimulationTally For(SimulationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Stages.Length, plan.HorizonDays, [.. plan.Scenario.Issues.Select(i => i.Options.Count)]);
    }

    /// <summary>Runs counted.</summary>
    public long Runs { get; private set; }

    /// <summary>Days counted.</summary>
    public int HorizonDays { get; }

    /// <summary>Number of stages.</summary>
    public int StageCount => _opened.Length;

    /// <summary>Runs in which stage <paramref name="stage"/> first opened on day <paramref name="day"/>.</summary>
    public long OpenedOn(int stage, int day) => _opened[stage][day];

    /// <summary>Runs in which the stage succeeded on the day.</summary>
    public long SucceededOn(int stage, int day) => _succeeded[stage][day];

    /// <summary>Runs that reached agreement on the day.</summary>
    public long AgreementsOn(int day) => _agreements[day];

    /// <summary>Runs that finally failed at the stage.</summary>
    public long FailedAt(int stage) => _failedAt[stage];

    /// <summary>Agreements choosing an option (per scenario issue, per option).</summary>
    public long OptionCount(int issue, int option) => _options[issue][option];

    /// <summary>Agreed packages (text) with their counts, ordinal key order.</summary>
    public IReadOnlyDictionary<string, long> Packages => _packages;

    /// <summary>Runs that opened the stage on or before day <paramref name="day"/> (cumulative).</summary>
    public long OpenedBy(int stage, int day) => Cumulative(_opened[stage], day);

    /// <summary>Runs whose stage succeeded on or before the day.</summary>
    public long SucceededBy(int stage, int day) => Cumulative(_succeeded[stage], day);

    /// <summary>Runs agreed on or before the day.</summary>
    public long AgreedBy(int day) => Cumulative(_agreements, day);

    internal void Add(RunOutcome run, IReadOnlyList<Model.Issue> issues)
    {
        Runs++;
        for (var s = 0; s < _opened.Length; s++)
        {
            Count(_opened[s], run.Opened[s]);
            Count(_succeeded[s], run.Succeeded[s]);
        }

        if (run.FailedStage >= 0)
        {
            _failedAt[run.FailedStage]++;
        }

        if (Count(_agreements, run.AgreementDay))
        {
            var parts = new List<string>();
            for (var k = 0; k < run.Package.Length; k++)
            {
                if (run.Package[k] >= 0)
                {
                    _options[k][run.Package[k]]++;
                    parts.Add(issues[k].Options[run.Package[k]].Id);
                }
            }

            var key = string.Join(' ', parts);
            _packages[key] = _packages.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Adds <paramref name="other"/>'s counts into this tally (same shape required).</summary>
    public void Merge(SimulationTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.StageCount != StageCount || other.HorizonDays != HorizonDays || other._options.Length != _options.Length)
        {
            throw new ArgumentException("tallies of different plans cannot be merged", nameof(other));
        }

        Runs += other.Runs;
        for (var s = 0; s < StageCount; s++)
        {
            AddInto(_opened[s], other._opened[s]);
            AddInto(_succeeded[s], other._succeeded[s]);
        }

        AddInto(_agreements, other._agreements);
        AddInto(_failedAt, other._failedAt);
        for (var k = 0; k < _options.Length; k++)
        {
            AddInto(_options[k], other._options[k]);
        }

        foreach (var (key, count) in other._packages)
        {
            _packages[key] = _packages.GetValueOrDefault(key) + count;
        }
    }

    /// <summary>The counts as plain arrays, e.g. to send a batch's tally between cluster nodes; <see cref="FromSnapshot"/> restores it.</summary>
    public SimulationTallySnapshot ToSnapshot() => new(
        Runs,
        HorizonDays,
        [.. _opened.Select(a => a.ToArray())],
        [.. _succeeded.Select(a => a.ToArray())],
        [.. _agreements],
        [.. _failedAt],
        [.. _options.Select(a => a.ToArray())],
        [.. _packages.Select(p => new KeyValuePair<string, long>(p.Key, p.Value))]);

    /// <summary>Rebuilds a tally from <see cref="ToSnapshot"/>'s output.</summary>
    /// <exception cref="ArgumentException">The arrays do not have one consistent shape.</exception>
    public static SimulationTally FromSnapshot(SimulationTallySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var stages = snapshot.Opened.Length;
        if (snapshot.Succeeded.Length != stages || snapshot.FailedAt.Length != stages || snapshot.Agreements.Length != snapshot.HorizonDays + 1
            || snapshot.Opened.Concat(snapshot.Succeeded).Any(a => a.Length != snapshot.HorizonDays + 1))
        {
            throw new ArgumentException("inconsistent tally snapshot", nameof(snapshot));
        }

        var tally = new SimulationTally(stages, snapshot.HorizonDays, [.. snapshot.Options.Select(o => o.Length)]) { Runs = snapshot.Runs };
        for (var s = 0; s < stages; s++)
        {
            AddInto(tally._opened[s], snapshot.Opened[s]);
            AddInto(tally._succeeded[s], snapshot.Succeeded[s]);
        }

        AddInto(tally._agreements, snapshot.Agreements);
        AddInto(tally._failedAt, snapshot.FailedAt);
        for (var k = 0; k < snapshot.Options.Length; k++)
        {
            AddInto(tally._options[k], snapshot.Options[k]);
        }

        foreach (var (key, count) in snapshot.Packages)
        {
            tally._packages[key] = tally._packages.GetValueOrDefault(key) + count;
        }

        return tally;
    }

    /// <summary>Day index of an event at time τ (days since the start), or −1 beyond the horizon / never.</summary>
    public int DayOf(double time) => double.IsNaN(time) || time > HorizonDays ? -1 : Math.Max(0, (int)Math.Ceiling(time - 1e-9) - 1);

    private bool Count(long[] histogram, double time)
    {
        var day = DayOf(time);
        if (day < 0)
        {
            return false;
        }

        histogram[day]++;
        return true;
    }

    private static long Cumulative(long[] histogram, int day)
    {
        long sum = 0;
        for (var d = 0; d <= Math.Min(day, histogram.Length - 1); d++)
        {
            sum += histogram[d];
        }

        return sum;
    }

    private static void AddInto(long[] into, long[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += from[i];
        }
    }
}
