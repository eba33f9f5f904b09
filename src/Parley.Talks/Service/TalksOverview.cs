using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Service;

/// <summary>
/// Everything one caller may see of a talks (<see cref="VisibilityPolicy"/>). Sections the role may
/// not see are null (and omitted from JSON); lists hold only the items the caller may see.
/// </summary>
public sealed record TalksOverview
{
    /// <summary>Talks id.</summary>
    public required string Id { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>The caller's role.</summary>
    public required RoleKind Role { get; init; }

    /// <summary>The caller's party (a party delegation), else null.</summary>
    public string? Party { get; init; }

    /// <summary>The caller's view version: how many events it sees (send it as <c>If-Match</c>); null for the public.</summary>
    public long? Version { get; init; }

    /// <summary>Who sees what (the scenario's <c>process.confidentiality</c>); token holders only.</summary>
    public Confidentiality? Confidentiality { get; init; }

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

    /// <summary>Statements the caller may read (the latest <see cref="TalksViews.OverviewListLimit"/>).</summary>
    public required IReadOnlyList<StatementState> Statements { get; init; }

    /// <summary>True when <see cref="Statements"/> holds only the latest ones (page through <c>/statements</c>).</summary>
    public bool? StatementsTruncated { get; init; }

    /// <summary>Proposals the caller may read (the latest <see cref="TalksViews.OverviewListLimit"/>).</summary>
    public IReadOnlyList<ProposalState>? Proposals { get; init; }

    /// <summary>True when <see cref="Proposals"/> holds only the latest ones (page through <c>/proposals</c>).</summary>
    public bool? ProposalsTruncated { get; init; }

    /// <summary>The caller's own private position (a party only).</summary>
    public Position? Position { get; init; }

    /// <summary>Disclosures the caller may see: a party's own; those made to the mediator.</summary>
    public IReadOnlyList<DisclosureState>? Disclosures { get; init; }
}
