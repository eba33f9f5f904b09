namespace Parley.Talks.Ledger;

/// <summary>
/// A participant agreed that an open stage succeeded. When every participant has agreed, the
/// service appends <see cref="StageClosed"/> (done) with the last agreement.
/// </summary>
/// <param name="Stage">Stage id.</param>
/// <param name="Party">Agreeing party.</param>
/// <param name="Reason">Free text (may be empty).</param>
public sealed record StageDoneAgreed(string Stage, string Party, string Reason) : TalksEvent;
