using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Parley.Talks.Ledger;

/// <summary>
/// One fact in a talks' ledger. Events are appended, never changed; every read model is a fold over
/// them (<see cref="ReadModel.TalksProjection"/>). The JSON discriminator (<c>type</c>) is the stored type name.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TalksCreated), "talks-created")]
[JsonDerivedType(typeof(NegotiatorAppointed), "negotiator-appointed")]
[JsonDerivedType(typeof(StageOpened), "stage-opened")]
[JsonDerivedType(typeof(StageClosed), "stage-closed")]
[JsonDerivedType(typeof(MeetingProposed), "meeting-proposed")]
[JsonDerivedType(typeof(MeetingScheduled), "meeting-scheduled")]
[JsonDerivedType(typeof(MeetingHeld), "meeting-held")]
[JsonDerivedType(typeof(MeetingCancelled), "meeting-cancelled")]
[JsonDerivedType(typeof(VenueProposed), "venue-proposed")]
[JsonDerivedType(typeof(VenueAccepted), "venue-accepted")]
[JsonDerivedType(typeof(VenueRejected), "venue-rejected")]
[JsonDerivedType(typeof(DeadlineSet), "deadline-set")]
[JsonDerivedType(typeof(DeadlineExpired), "deadline-expired")]
[JsonDerivedType(typeof(ProposalTabled), "proposal-tabled")]
[JsonDerivedType(typeof(ProposalCountered), "proposal-countered")]
[JsonDerivedType(typeof(ProposalAccepted), "proposal-accepted")]
[JsonDerivedType(typeof(ProposalRejected), "proposal-rejected")]
[JsonDerivedType(typeof(StatementIssued), "statement-issued")]
[JsonDerivedType(typeof(PositionSubmitted), "position-submitted")]
[JsonDerivedType(typeof(DisclosedToMediator), "disclosed-to-mediator")]
[JsonDerivedType(typeof(AgreementSigned), "agreement-signed")]
[JsonDerivedType(typeof(ProposalWithdrawn), "proposal-withdrawn")]
[JsonDerivedType(typeof(StageDoneAgreed), "stage-done-agreed")]
[JsonDerivedType(typeof(TokenIssued), "token-issued")]
[JsonDerivedType(typeof(TokenRevoked), "token-revoked")]
[JsonDerivedType(typeof(BlindConsentSet), "blind-consent-set")]
[JsonDerivedType(typeof(BlindCheckMade), "blind-check-made")]
[JsonDerivedType(typeof(BidRoundOpened), "bid-round-opened")]
[JsonDerivedType(typeof(BidSubmitted), "bid-submitted")]
[JsonDerivedType(typeof(BidRoundSettled), "bid-round-settled")]
[JsonDerivedType(typeof(SingleTextTabled), "single-text-tabled")]
[JsonDerivedType(typeof(SingleTextMarked), "single-text-marked")]
[JsonDerivedType(typeof(SingleTextSubmitted), "single-text-submitted")]
public abstract record TalksEvent
{
    // The discriminators above are the one list of stored type names; read once from the attributes.
    private static readonly FrozenDictionary<Type, string> TypeNames = typeof(TalksEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The stored type name (e.g. <c>stage-opened</c>): the event's JSON discriminator.</summary>
    [JsonIgnore]
    public string TypeName => TypeNames[GetType()];
}
