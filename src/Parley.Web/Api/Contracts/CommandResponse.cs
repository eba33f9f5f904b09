namespace Parley.Web.Api.Contracts;

/// <summary>What a command appended.</summary>
/// <param name="Version">The caller's view version after the command (send it as If-Match next time).</param>
/// <param name="FirstVersion">The caller's sequence number of the first appended event.</param>
/// <param name="Replayed">True when the Idempotency-Key was seen before and nothing new was appended.</param>
public sealed record CommandResponse(
    long Version,
    long FirstVersion,
    bool Replayed);
