using Parley.Model;

namespace Parley.Negotiation.Simulation;

/// <summary>
/// A scenario and its <see cref="SimulationSpec"/> compiled for fast repeated runs: stages in dependency
/// order with their tables (who negotiates), agendas, protocols and calendar deadlines. Immutable and
/// thread-safe; build once with <see cref="Compile"/> and share between threads or cluster calls.
/// </summary>
public sealed class SimulationPlan
{
    private SimulationPlan(Scenario scenario, SimulationSpec spec, DateOnly start, StagePlan[] stages, PartyModel[] parties, int agreement, int focus, int restart)
    {
        Pressures = [.. ((IEnumerable<Deadline>?)scenario.Process?.Deadlines ?? []).Select((d, i) => (Deadline: d, Index: i))
            .Where(x => x.Deadline.Consequence == DeadlineConsequence.Pressure)
            .Select(x => new CalendarPressure(x.Index, x.Deadline.Date.DayNumber - start.DayNumber + 1.0, Pressed(x.Deadline, stages, parties, spec.Retry.Effect)))];
        RestartStageIndex = restart;
        Downstream = [.. stages.Select((_, i) => Closure(stages, i))];
        Scenario = scenario;
        Spec = spec;
        Start = start;
        Stages = stages;
        Parties = parties;
        AgreementStageIndex = agreement;
        FocusStageIndex = focus;
    }

    /// <summary>The scenario simulated.</summary>
    public Scenario Scenario { get; }

    /// <summary>The simulation settings.</summary>
    public SimulationSpec Spec { get; }

    /// <summary>Day 0 of the simulation.</summary>
    public DateOnly Start { get; }

    /// <summary>Horizon in days.</summary>
    public int HorizonDays => Spec.HorizonDays;

    /// <summary>Stage ids in dependency order (as reported).</summary>
    public IReadOnlyList<string> StageIds => [.. Stages.Select(s => s.Id)];

    /// <summary>The stage whose success is "agreement".</summary>
    public string AgreementStage => Stages[AgreementStageIndex].Id;

    /// <summary>The stage singled out in reports, or null.</summary>
    public string? FocusStage => FocusStageIndex >= 0 ? Stages[FocusStageIndex].Id : null;

    /// <summary>
    /// The date a forecast asks about when none is given: the first process deadline of the focus stage (any
    /// stage when there is no focus) on or after <see cref="Start"/>, else 90 days after the start.
    /// </summary>
    public DateOnly DefaultBy =>
        Scenario.Process?.Deadlines
            .Where(d => d.Date >= Start && (FocusStage is null || d.Stage == FocusStage))
            .OrderBy(d => d.Date)
            .Select(d => (DateOnly?)d.Date)
            .FirstOrDefault() ?? Start.AddDays(90);

    internal StagePlan[] Stages { get; }

    /// <summary>
    /// The process's <c>pressure</c> deadlines: on its day (day 0 when it passed before the start) each applies a
    /// pressure step (<c>retry.pressure</c>) to the parties it presses — of its stage's table, or of the talks
    /// as a whole for a stage-less deadline.
    /// </summary>
    internal CalendarPressure[] Pressures { get; }

    /// <summary>Party indices a pressure deadline presses.</summary>
    private static int[] Pressed(Deadline deadline, StagePlan[] stages, PartyModel[] parties, PressureSpec effect)
    {
        var pool = deadline.Stage is { } st && Array.Find(stages, s => s.Id == st) is { } stage ? stage.Table : [.. Enumerable.Range(0, parties.Length)];
        return [.. pool.Where(p => effect.Presses(parties[p].PartyId))];
    }

    internal PartyModel[] Parties { get; }

    internal int AgreementStageIndex { get; }

    internal int FocusStageIndex { get; }

    /// <summary>The stage the talks restart from after a stall, or −1 for the stalled stage itself.</summary>
    internal int RestartStageIndex { get; }

    /// <summary>Per stage: itself and every stage that (transitively) comes after it, in plan order.</summary>
    internal int[][] Downstream { get; }

    /// <summary>Days from <see cref="Start"/> to the end of <paramref name="date"/>.</summary>
    public int DayIndex(DateOnly date) => date.DayNumber - Start.DayNumber;

    /// <summary>Compiles a scenario for simulation.</summary>
    /// <exception cref="ArgumentException">The scenario cannot be simulated (no party with preferences, a stage table without preferences…).</exception>
    public static SimulationPlan Compile(Scenario scenario, SimulationSpec? spec = null, DateOnly? start = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        spec ??= SimulationSpec.Default;
        var parties = scenario.Preferences.Select(p => PartyModel.From(p, scenario.Issues)).ToArray();
        if (parties.Length == 0)
        {
            throw new ArgumentException("the scenario declares no preferences; a simulation needs at least two parties with preferences", nameof(scenario));
        }

        var day0 = start ?? spec.Start ?? new DateOnly(2025, 1, 1);
        int PartyIndex(string id) => Array.FindIndex(parties, p => p.PartyId == id);
        var stages = new List<StagePlan>();
        var process = scenario.Process;
        if (process is null || process.Stages.Count == 0)
        {
            var table = scenario.Preferences.Where(p => scenario.FindParty(p.PartyId)?.Optional != true).Select(p => PartyIndex(p.PartyId)).ToArray();
            stages.Add(new StagePlan("talks", "talks", [], table, [.. Enumerable.Range(0, scenario.Issues.Count)], spec.Defaults,
                spec.Defaults.Protocol ?? ProtocolKind.Alternating, false, StageStatus.Open, null, false, scenario.Issues));
        }
        else
        {
            var ordered = TopologicalOrder(process.Stages);
            var ancestors = Ancestors(process.Stages);
            foreach (var stage in ordered)
            {
                var mediatorPresent = process.Mediator is not null
                    && (process.MediatorEntersAt is null || stage.Id == process.MediatorEntersAt || ancestors[stage.Id].Contains(process.MediatorEntersAt));
                var table = stage.Participants
                    .Where(p => p != process.Mediator || mediatorPresent)
                    .Select(PartyIndex).Where(i => i >= 0).ToArray();
                var settings = spec.For(stage.Id);
                var agenda = stage.Agenda.Select(scenario.IssueIndex).ToArray();
                var deadlines = process.Deadlines
                    .Select((d, i) => (Deadline: d, Index: i))
                    .Where(x => x.Deadline.Stage == stage.Id && x.Deadline.Consequence is DeadlineConsequence.Stall or DeadlineConsequence.CloseStage)
                    .Select(x => (Day: (double)(x.Deadline.Date.DayNumber - day0.DayNumber + 1), x.Deadline.Consequence, x.Index))
                    .Where(d => d.Day > 0)
                    .OrderBy(d => d.Day)
                    .ToList();
                stages.Add(new StagePlan(stage.Id, stage.Name, [.. stage.After.Select(a => ordered.FindIndex(s => s.Id == a))], table, agenda, settings,
                    (mediatorPresent && process.Mediator is not null ? settings.MediatedProtocol : settings.Protocol) ?? ProtocolKind.Alternating,
                    mediatorPresent, stage.Status, deadlines.Count > 0 ? deadlines[0].Day : null,
                    deadlines.Count > 0 && deadlines[0].Consequence == DeadlineConsequence.CloseStage, scenario.Issues,
                    deadlines.Count > 0 ? deadlines[0].Index : -1));
            }
        }

        var stageArray = stages.ToArray();
        var agreement = spec.AgreementStage is { } a ? Array.FindIndex(stageArray, s => s.Id == a)
            : Array.FindLastIndex(stageArray, s => s.Agenda.Length > 0);
        if (agreement < 0)
        {
            agreement = stageArray.Length - 1;
        }

        var focus = spec.FocusStage is { } f ? Array.FindIndex(stageArray, s => s.Id == f) : -1;
        // The brief's "F → S1": by default the talks restart from the process's first declared stage.
        var restart = spec.Retry.RestartFrom switch
        {
            null => 0,
            RetrySpec.FailedStage => -1,
            var id => Array.FindIndex(stageArray, s => s.Id == id),
        };
        if (restart < 0 && spec.Retry.RestartFrom != RetrySpec.FailedStage)
        {
            throw new ArgumentException($"retry.restart_from names unknown stage '{spec.Retry.RestartFrom}'", nameof(spec));
        }

        return new SimulationPlan(scenario, spec, day0, stageArray, parties, agreement, focus, restart);
    }

    private static int[] Closure(StagePlan[] stages, int root)
    {
        // Plan order is topological, so one forward sweep collects every descendant.
        var inside = new bool[stages.Length];
        inside[root] = true;
        for (var i = root + 1; i < stages.Length; i++)
        {
            inside[i] = stages[i].After.Any(a => inside[a]);
        }

        return [.. Enumerable.Range(0, stages.Length).Where(i => inside[i])];
    }

    private static List<Stage> TopologicalOrder(ValueList<Stage> stages)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<Stage>();
        while (order.Count < stages.Count)
        {
            // Declaration order among the ready stages keeps the order stable and readable.
            var next = stages.FirstOrDefault(s => !done.Contains(s.Id) && s.After.All(done.Contains))
                ?? throw new ArgumentException("the process stages' 'after' links form a cycle");
            order.Add(next);
            done.Add(next.Id);
        }

        return order;
    }

    private static Dictionary<string, HashSet<string>> Ancestors(ValueList<Stage> stages)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> Of(Stage s)
        {
            if (result.TryGetValue(s.Id, out var known))
            {
                return known;
            }

            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in s.After)
            {
                set.Add(a);
                if (stages.FirstOrDefault(x => x.Id == a) is { } parent)
                {
                    set.UnionWith(Of(parent));
                }
            }

            result[s.Id] = set;
            return set;
        }

        foreach (var s in stages)
        {
            Of(s);
        }

        return result;
    }
}
