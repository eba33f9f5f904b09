namespace Parley.Talks.Ledger;

/// <summary>
/// What a party lets the <em>service</em> compute with (never shown to the mediator or another party):
/// its weights and scores, its reservation value, its red lines; and whether results may name it.
/// </summary>
/// <param name="Weights">Weights and scores may enter blind checks (without them the party cannot be checked).</param>
/// <param name="Reservation">The reservation value may enter (else the scale's minimum stands in).</param>
/// <param name="RedLines">The red lines may enter (else they are left out of the check).</param>
/// <param name="Named">Results may name the party (as clashing, as objecting to a single text) and its red lines' ids.</param>
public sealed record BlindConsent(bool Weights, bool Reservation, bool RedLines, bool Named = false)
{
    /// <summary>No consent: the default, and what revoking leaves.</summary>
    public static BlindConsent None { get; } = new(false, false, false);
}
