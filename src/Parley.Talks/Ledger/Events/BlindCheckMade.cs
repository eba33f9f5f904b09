namespace Parley.Talks.Ledger;

/// <summary>A blind check over consenting parties: who asked (the event's actor), over whom, and all it revealed. Seen by the asker and the parties checked.</summary>
/// <param name="Check">Check id (<c>S7.C1</c>; <c>T.C1</c> for the talks as a whole): numbered in its budget's scope.</param>
/// <param name="Stage">The stage whose budget it used, or null for the talks as a whole.</param>
/// <param name="Parties">The parties checked.</param>
/// <param name="Rule">The suggestion rule (<c>max-min-gain</c>, <c>nash</c>, <c>kalai-smorodinsky</c>).</param>
/// <param name="Answer">What was revealed.</param>
public sealed record BlindCheckMade(string Check, string? Stage, IReadOnlyList<string> Parties, string Rule, BlindAnswer Answer) : TalksEvent;
