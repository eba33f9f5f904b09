namespace Parley.Talks.Ledger;

/// <summary>A participant's private marks on a round of the single text (the mediator sees only counts per issue). Seen by the participant only.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Round">Round marked.</param>
/// <param name="Party">The participant.</param>
/// <param name="Marks">Issue id → mark, for every issue of the text.</param>
public sealed record SingleTextMarked(string Stage, int Round, string Party, IReadOnlyDictionary<string, IssueMark> Marks) : TalksEvent;
