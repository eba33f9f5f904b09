namespace Parley.Talks.ReadModel;

/// <summary>A statement.</summary>
/// <param name="Id">Statement id (counts only its author's statements of the same audience).</param>
/// <param name="Party">Issuing party, or null for the mediator.</param>
/// <param name="Text">The statement.</param>
/// <param name="Public">True when public.</param>
/// <param name="At">When it was issued.</param>
/// <param name="Stage">For a private statement, the stage it is for (null: the talks as a whole).</param>
/// <param name="Author">Who issued it (<see cref="Access.Caller.Key"/>).</param>
public sealed record StatementState(string Id, string? Party, string Text, bool Public, DateTimeOffset At, string? Stage, string Author);
