namespace Parley.Talks.Service;

/// <summary>A proposal as the live briefing shows it: a copy of <see cref="ReadModel.ProposalState"/> taken under the talks' lock.</summary>
/// <param name="Id">Proposal id.</param>
/// <param name="Stage">Stage, or null.</param>
/// <param name="Party">Tabling party, or null when the mediator tabled it.</param>
/// <param name="Package">Issue id → option id.</param>
/// <param name="Note">Free text (stage contents, like the proposal).</param>
/// <param name="CounterTo">The proposal it counters, or null.</param>
/// <param name="Withdrawn">True once withdrawn.</param>
/// <param name="AcceptedBy">Parties whose last word is "accept".</param>
/// <param name="RejectedBy">Parties whose last word is "reject".</param>
/// <param name="SignedBy">Parties that signed it.</param>
public sealed record LiveProposal(
    string Id,
    string? Stage,
    string? Party,
    IReadOnlyDictionary<string, string> Package,
    string Note,
    string? CounterTo,
    bool Withdrawn,
    IReadOnlyList<string> AcceptedBy,
    IReadOnlyList<string> RejectedBy,
    IReadOnlyList<string> SignedBy);
