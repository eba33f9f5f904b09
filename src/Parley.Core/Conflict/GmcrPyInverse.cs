namespace Parley.Conflict;

/// <summary>
/// gmcr-py's inverse-solver stability check, re-implemented from its solver's logic (its 4 × P result
/// matrices in test_data/*_invSol.txt are matched column by column in the interop tests). For player p at
/// state s, with its improvements taken in ascending state order, gmcr-py re-sets the verdict at each
/// improvement, so the <b>last</b> one (the highest-numbered state) decides: an earlier unsanctioned
/// improvement is overwritten. A sanction is one move of one opponent (SEQ: one of its own improvements)
/// to a state p likes <b>strictly</b> less than s. SMR looks only at the first such sanction (opponents in
/// order, each one's targets ascending) and fails if p can move on from it to something better than s.
/// Nash is unchanged. With two DMs and strict rankings only the "last improvement" and "first sanction"
/// parts can differ from <see cref="StateChecker"/>; ties and 3+ DMs add the strictness and one-move parts.
/// </summary>
internal static class GmcrPyInverse
{
    public static bool IsStable(ConflictModel model, Player[] players, int p, int s, ConceptKind kind)
    {
        var player = players[p];
        var improvements = Targets(model, player, s).Where(t => player.Improves(model, s, t)).ToArray();
        if (improvements.Length == 0)
        {
            return true;
        }

        if (kind == ConceptKind.Nash)
        {
            return false;
        }

        // Only the last improvement's verdict survives gmcr-py's loop.
        var s1 = improvements[^1];
        var sanctions = players.Select((o, i) => (o, i)).Where(x => x.i != p)
            .SelectMany(x => Targets(model, x.o, s1).Where(s2 => kind != ConceptKind.Seq || x.o.Improves(model, s1, s2)))
            .Where(s2 => Worse(model, player, s, s2));
        if (kind != ConceptKind.Smr)
        {
            return sanctions.Any();
        }

        var first = sanctions.Select(s2 => (int?)s2).FirstOrDefault();
        return first is { } sanction && !Targets(model, player, sanction).Any(s3 => player.Improves(model, s, s3));
    }

    /// <summary>The player's one-move targets from <paramref name="s"/> that it sees, in ascending state order (gmcr-py's order).</summary>
    private static IEnumerable<int> Targets(ConflictModel model, Player player, int s)
    {
        var buffer = new int[ConflictModel.MoveBufferSize(player.Mask)];
        var count = player.Moves(model, s, buffer);
        return buffer.Take(count).Order();
    }

    /// <summary>Strictly worse than <paramref name="s"/> for some member (gmcr-py compares payoffs with &gt;, not ≥).</summary>
    private static bool Worse(ConflictModel model, Player player, int s, int s2) =>
        player.Sees(model, s2) && player.Members.Any(m => model.Payoff(m, s2) < model.Payoff(m, s));
}
