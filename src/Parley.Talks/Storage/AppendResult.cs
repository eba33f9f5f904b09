namespace Parley.Talks.Storage;

/// <summary>Where an append landed.</summary>
/// <param name="FirstVersion">Version of the first appended event.</param>
/// <param name="LastVersion">Version of the last appended event (the stream's version right after the append).</param>
/// <param name="Replayed">True when the idempotency key was seen before and nothing was appended.</param>
public sealed record AppendResult(long FirstVersion, long LastVersion, bool Replayed);
