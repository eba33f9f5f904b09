using Parley.Talks.Ledger;

namespace Parley.Talks.ReadModel;

/// <summary>
/// The mediator's desk as the ledger says it stands: consents, blind checks, bidding rounds and single
/// texts. Holds private data (consents, bids, marks); only the views in <see cref="Service.BlindViews"/> show it.
/// </summary>
public sealed class BlindState
{
    /// <summary>Private: each party's latest consent.</summary>
    internal Dictionary<string, BlindConsent> Consents { get; } = new(StringComparer.Ordinal);

    /// <summary>Checks, oldest first.</summary>
    internal List<BlindCheckState> Checks { get; } = [];

    /// <summary>Bidding rounds in order of opening.</summary>
    internal Dictionary<string, BidRoundState> Rounds { get; } = new(StringComparer.Ordinal);

    /// <summary>Single texts by stage.</summary>
    internal Dictionary<string, SingleTextState> Texts { get; } = new(StringComparer.Ordinal);

    /// <summary>The consent a party gave (none when it gave none).</summary>
    internal BlindConsent ConsentOf(string party) => Consents.GetValueOrDefault(party) ?? BlindConsent.None;

    /// <summary>Checks and bidding rounds already spent from the budget of <paramref name="stage"/> (null: the talks as a whole).</summary>
    internal int Spent(string? stage) =>
        Checks.Count(c => c.Stage == stage) + Rounds.Values.Count(r => r.Stage == stage);
}

/// <summary>One blind check as recorded.</summary>
/// <param name="Check">Check id.</param>
/// <param name="Stage">Budget scope (null: the talks as a whole).</param>
/// <param name="Parties">Parties checked.</param>
/// <param name="Rule">Suggestion rule.</param>
/// <param name="Answer">What it revealed.</param>
/// <param name="Asker">Who asked (a caller key: <c>mediator</c>, <c>party:UA</c>).</param>
/// <param name="At">When.</param>
public sealed record BlindCheckState(string Check, string? Stage, IReadOnlyList<string> Parties, string Rule, BlindAnswer Answer, string Asker, DateTimeOffset At);

/// <summary>A bidding round.</summary>
public sealed class BidRoundState
{
    internal BidRoundState(BidRoundOpened spec, string opener)
    {
        Spec = spec;
        Opener = opener;
    }

    /// <summary>The round as opened.</summary>
    public BidRoundOpened Spec { get; }

    /// <summary>Round id.</summary>
    public string Round => Spec.Round;

    /// <summary>Stage.</summary>
    public string Stage => Spec.Stage;

    /// <summary>Who opened it (a caller key).</summary>
    public string Opener { get; }

    /// <summary>Private: each bidder's secret bound.</summary>
    internal Dictionary<string, BidSubmitted> Bids { get; } = new(StringComparer.Ordinal);

    /// <summary>The result once every bidder bid, else null.</summary>
    public BidRoundSettled? Result { get; internal set; }
}

/// <summary>A stage's single negotiating text and its rounds.</summary>
public sealed class SingleTextState
{
    internal SingleTextState(string stage) => Stage = stage;

    /// <summary>Stage.</summary>
    public string Stage { get; }

    /// <summary>Rounds, first first.</summary>
    internal List<SingleTextTabled> Rounds { get; } = [];

    /// <summary>Private: per round (index 0 = round 1), each participant's latest marks.</summary>
    internal List<Dictionary<string, IReadOnlyDictionary<string, IssueMark>>> Marks { get; } = [];

    /// <summary>The proposal it became when sent to signature, else null.</summary>
    public string? SubmittedAs { get; internal set; }

    /// <summary>The round sent to signature, else null.</summary>
    public int? SubmittedRound { get; internal set; }
}
