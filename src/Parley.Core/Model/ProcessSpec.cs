namespace Parley.Model;

/// <summary>How the talks run: stages, who takes part, venues, deadlines and confidentiality.</summary>
/// <param name="Mediator">The mediating party, or null.</param>
/// <param name="MediatorEntersAt">The stage from which the mediator takes part (joins only then), or null for "from the start".</param>
/// <param name="Stages">Stages; <c>after</c> dependencies form an acyclic graph.</param>
/// <param name="Venues">Venue candidates and who accepts or rejects each.</param>
/// <param name="Deadlines">Dated deadlines with their consequence.</param>
/// <param name="Confidentiality">Default visibility of the talks' contents.</param>
public sealed record ProcessSpec(
    string? Mediator,
    string? MediatorEntersAt,
    ValueList<Stage> Stages,
    ValueList<Venue> Venues,
    ValueList<Deadline> Deadlines,
    Confidentiality Confidentiality)
{
    /// <summary>The stage with the given id, or null.</summary>
    public Stage? FindStage(string id) => Stages.FirstOrDefault(s => s.Id == id);
}

/// <summary>A stage of the talks.</summary>
/// <param name="Id">Id (e.g. <c>S4</c>).</param>
/// <param name="Name">Description.</param>
/// <param name="Participants">Parties at the table.</param>
/// <param name="After">Stages that must have succeeded before this one opens.</param>
/// <param name="Agenda">Issue ids settled or discussed at this stage.</param>
/// <param name="Success">What counts as success (free text), may be empty.</param>
/// <param name="Status">Where the stage stands at the scenario's date.</param>
public sealed record Stage(
    string Id,
    string Name,
    ValueList<string> Participants,
    ValueList<string> After,
    ValueList<string> Agenda,
    string Success = "",
    StageStatus Status = StageStatus.Pending);

/// <summary>Where a stage stands.</summary>
public enum StageStatus
{
    /// <summary>Not opened yet.</summary>
    Pending,

    /// <summary>Under way.</summary>
    Open,

    /// <summary>Achieved.</summary>
    Done,

    /// <summary>Broke down.</summary>
    Failed,
}

/// <summary>A venue candidate.</summary>
/// <param name="Id">Id (may equal an issue option id, e.g. <c>V2</c>, to link it to the venue issue).</param>
/// <param name="Name">Place.</param>
/// <param name="AcceptedBy">Parties that accept it.</param>
/// <param name="RejectedBy">Parties that refuse it.</param>
public sealed record Venue(string Id, string Name, ValueList<string> AcceptedBy, ValueList<string> RejectedBy);

/// <summary>A dated deadline.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Description.</param>
/// <param name="Date">The day it falls due (end of that day).</param>
/// <param name="Stage">The stage it applies to, or null.</param>
/// <param name="SetBy">The party that set it, or null.</param>
/// <param name="Consequence">What happens when it passes.</param>
/// <param name="ConsequenceNote">The consequence in words.</param>
public sealed record Deadline(
    string Id,
    string Name,
    DateOnly Date,
    string? Stage,
    string? SetBy,
    DeadlineConsequence Consequence,
    string ConsequenceNote = "");

/// <summary>What an expired deadline triggers.</summary>
public enum DeadlineConsequence
{
    /// <summary>Nothing automatic; it is recorded.</summary>
    Notice,

    /// <summary>The stage (or the talks) stall: state F.</summary>
    Stall,

    /// <summary>A pressure step follows (new sanctions, a new deadline).</summary>
    Pressure,

    /// <summary>The stage it applies to is closed as failed.</summary>
    CloseStage,
}

/// <summary>Default visibility of what happens in the talks.</summary>
/// <param name="Contents">Proposals and meeting contents (default: participants only).</param>
/// <param name="Positions">Positions, red lines, reservation values (default: private to the party).</param>
/// <param name="Statements">Statements (default: public).</param>
/// <param name="DisclosureTo">Who a party may disclose private data to (default: the mediator).</param>
/// <param name="BlindChecks">Who may ask the service for blind checks over consenting parties: <see cref="Visibility.Mediator"/> (default) or <see cref="Visibility.Participants"/> (the mediator and any participant of the stage checked).</param>
/// <param name="CheckBudget">Blind checks and bid rounds allowed per stage (and for the talks as a whole); bounds what repeated checks can reveal.</param>
public sealed record Confidentiality(
    Visibility Contents = Visibility.Participants,
    Visibility Positions = Visibility.Private,
    Visibility Statements = Visibility.Public,
    Visibility DisclosureTo = Visibility.Mediator,
    Visibility BlindChecks = Visibility.Mediator,
    int CheckBudget = Confidentiality.DefaultCheckBudget)
{
    /// <summary>Blind checks per stage when the scenario names no budget.</summary>
    public const int DefaultCheckBudget = 10;

    /// <summary>The defaults: confidential talks, private positions, public statements.</summary>
    public static Confidentiality Default { get; } = new();
}

/// <summary>Who may see something.</summary>
public enum Visibility
{
    /// <summary>Only the party itself.</summary>
    Private,

    /// <summary>The party and the mediator.</summary>
    Mediator,

    /// <summary>The participants of the stage or talks.</summary>
    Participants,

    /// <summary>Everyone.</summary>
    Public,
}
