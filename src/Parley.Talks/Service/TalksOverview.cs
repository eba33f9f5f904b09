using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Service;

/// <summary>
/// Everything one caller may see of a talks. Sections the role may not see are null (and omitted
/// from JSON); private sections hold only the caller's own data (a party) or what was disclosed to
/// it (the mediator).
/// </summary>
public sealed record TalksOverview
{
    /// <summary>Talks id.</summary>
    public required string Id { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>The caller's role.</summary>
    public required RoleKind Role { get; init; }

    /// <summary>The caller's party (party and mediator), else null.</summary>
    public string? Party { get; init; }

    /// <summary>Ledger version (parties and mediator: the expected version for the next append).</summary>
    public long? Version { get; init; }

    /// <summary>The mediating party, if any.</summary>
    public string? Mediator { get; init; }

    /// <summary>The stage from which the mediator takes part.</summary>
    public string? MediatorEntersAt { get; init; }

    /// <summary>True once the mediator's entry stage opened.</summary>
    public bool? MediatorEntered { get; init; }

    /// <summary>Parties (public facts: names, roles, negotiators).</summary>
    public IReadOnlyList<PartyView>? Parties { get; init; }

    /// <summary>Issues and options (the agenda).</summary>
    public IReadOnlyList<Issue>? Issues { get; init; }

    /// <summary>Stages (observer and up).</summary>
    public IReadOnlyList<StageState>? Stages { get; init; }

    /// <summary>Meetings with each participant's stand on the venue (observer and up; notes for parties and mediator only).</summary>
    public IReadOnlyList<MeetingView>? Meetings { get; init; }

    /// <summary>Venues with who accepted or rejected them (observer and up).</summary>
    public IReadOnlyList<VenueState>? Venues { get; init; }

    /// <summary>Deadlines (observer and up).</summary>
    public IReadOnlyList<DeadlineState>? Deadlines { get; init; }

    /// <summary>Pressure steps triggered by expired deadlines (observer and up).</summary>
    public IReadOnlyList<string>? PressureSteps { get; init; }

    /// <summary>Statements: public ones for everyone, private ones for parties and mediator.</summary>
    public required IReadOnlyList<StatementState> Statements { get; init; }

    /// <summary>Proposals (parties and mediator).</summary>
    public IReadOnlyList<ProposalState>? Proposals { get; init; }

    /// <summary>The caller's own private position (a party only).</summary>
    public Position? Position { get; init; }

    /// <summary>Disclosures: a party's own, or all of them for the mediator.</summary>
    public IReadOnlyList<DisclosureState>? Disclosures { get; init; }
}
