namespace Parley.Talks.Service;

/// <summary>The outcome of a command.</summary>
/// <param name="FirstVersion">Version of the first appended event.</param>
/// <param name="LastVersion">The talks' version after the command (less than <paramref name="FirstVersion"/> when nothing was appended).</param>
/// <param name="Replayed">True when an earlier request with the same idempotency key already did it.</param>
public sealed record CommandResult(long FirstVersion, long LastVersion, bool Replayed);
