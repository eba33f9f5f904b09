namespace Parley.Talks.Service;

/// <summary>The outcome of a command, in the caller's own view of the ledger.</summary>
/// <param name="FirstVersion">The caller's sequence number of the first appended event.</param>
/// <param name="LastVersion">The caller's view version after the command (less than <paramref name="FirstVersion"/> when nothing was appended).</param>
/// <param name="Replayed">True when an earlier request with the same idempotency key (of this caller) already did it.</param>
public sealed record CommandResult(long FirstVersion, long LastVersion, bool Replayed);
