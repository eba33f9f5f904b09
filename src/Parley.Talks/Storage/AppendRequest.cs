using Parley.Talks.Ledger;

namespace Parley.Talks.Storage;

/// <summary>One atomic append to a talks' stream.</summary>
/// <param name="TalksId">The talks (stream) id.</param>
/// <param name="ExpectedVersion">The stream's version the events were decided on (0 creates the stream).</param>
/// <param name="IdempotencyKey">A client key; a second request with it appends nothing. Null for none.</param>
/// <param name="RequestHash">Digest of the request, to tell a retry from a reused key.</param>
/// <param name="Actor">Who appends.</param>
/// <param name="At">Server time of acceptance.</param>
/// <param name="Events">One or more events, appended together.</param>
public sealed record AppendRequest(
    string TalksId,
    long ExpectedVersion,
    string? IdempotencyKey,
    string RequestHash,
    string Actor,
    DateTimeOffset At,
    IReadOnlyList<TalksEvent> Events);
