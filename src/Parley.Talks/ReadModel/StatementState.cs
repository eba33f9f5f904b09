namespace Parley.Talks.ReadModel;

/// <summary>A statement.</summary>
/// <param name="Id">Statement id.</param>
/// <param name="Party">Issuing party.</param>
/// <param name="Text">The statement.</param>
/// <param name="Public">True when public.</param>
/// <param name="At">When it was issued.</param>
/// <param name="Version">Ledger version of its event.</param>
public sealed record StatementState(string Id, string Party, string Text, bool Public, DateTimeOffset At, long Version);
