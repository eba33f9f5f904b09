namespace Parley.Talks.Ledger;

/// <summary>A participant's private mark on one issue of a single negotiating text.</summary>
public enum IssueMark
{
    /// <summary>The participant can live with the text on this issue.</summary>
    Acceptable,

    /// <summary>The participant needs the text changed on this issue.</summary>
    NeedsChange,
}
