using Parley.Model;

namespace Parley.Negotiation.Simulation;

/// <summary>A compiled stage.</summary>
internal sealed class StagePlan
{
    public StagePlan(string id, string name, int[] after, int[] table, int[] agenda, StageSettings settings, ProtocolKind protocol,
        bool mediatorPresent, StageStatus status, double? deadlineDay, bool deadlineCloses, IReadOnlyList<Issue> issues, int deadlineIndex = -1)
    {
        DeadlineIndex = deadlineIndex;
        Id = id;
        Name = name;
        After = after;
        Table = table;
        Agenda = agenda;
        Settings = settings;
        Protocol = protocol;
        MediatorPresent = mediatorPresent;
        Status = status;
        DeadlineDay = deadlineDay;
        DeadlineCloses = deadlineCloses;
        Space = agenda.Length > 0 ? new OutcomeSpace([.. agenda.Select(k => issues[k].Options.Count)], agenda) : null;
    }

    public string Id { get; }

    /// <summary>Index in the scenario's deadlines of the one behind <c>DeadlineDay</c>, or −1.</summary>
    public int DeadlineIndex { get; }

    public string Name { get; }

    /// <summary>Indices (in plan order) of the stages that must succeed first.</summary>
    public int[] After { get; }

    /// <summary>Party model indices at the table.</summary>
    public int[] Table { get; }

    /// <summary>Scenario issue indices on the agenda.</summary>
    public int[] Agenda { get; }

    public StageSettings Settings { get; }

    public ProtocolKind Protocol { get; }

    public bool MediatorPresent { get; }

    public StageStatus Status { get; }

    /// <summary>End of the calendar deadline for the first attempt (days since start), or null.</summary>
    public double? DeadlineDay { get; }

    /// <summary>True when missing the deadline closes the stage for good (no retry).</summary>
    public bool DeadlineCloses { get; }

    /// <summary>The agenda's package space, or null for a stage without an agenda.</summary>
    public OutcomeSpace? Space { get; }

    /// <summary>True when the stage is a negotiation (an agenda and at least two parties at the table).</summary>
    public bool Negotiates => Space is not null && Table.Length >= 2;
}
