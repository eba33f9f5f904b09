using System.Globalization;
using System.Text;

namespace Parley.Conflict;

/// <summary>Words for a <see cref="StabilityExplanation"/>.</summary>
internal static class Explanation
{
    public static string Describe(ConflictModel model, Player[] players, StabilityExplanation e)
    {
        var sb = new StringBuilder();
        var who = players[e.Player].Name;
        sb.Append(CultureInfo.InvariantCulture, $"{e.Concept.Title}: state {State(model, e.State)} is {(e.Stable ? "stable" : "NOT stable")} for {who}");
        if (e.Anticipated is { } g)
        {
            sb.Append(g == e.State
                ? $" (with {e.Concept.Horizon} moves of foresight, no move of {who} leads to a better anticipated outcome)."
                : $" (with {e.Concept.Horizon} moves of foresight, {who} anticipates reaching {State(model, g)}, which it prefers).");
            return sb.ToString();
        }

        if (e.Improvements.Count == 0)
        {
            return sb.Append(CultureInfo.InvariantCulture, $": {who} has no unilateral improvement from it.").ToString();
        }

        sb.Append(':');
        foreach (var i in e.Improvements)
        {
            sb.AppendLine();
            sb.Append(CultureInfo.InvariantCulture, $"  - {who} could improve to {State(model, i.To)}");
            if (e.Concept.Kind == ConceptKind.Nash)
            {
                sb.Append('.');
            }
            else if (i.Sanction is null)
            {
                sb.Append(e.Concept.Kind switch
                {
                    ConceptKind.Seq => "; no sequence of opponents' own improvements leaves it no better off: not deterred.",
                    ConceptKind.Sim => "; no simultaneous improvement by opponents leaves it no better off: not deterred.",
                    ConceptKind.Smr => "; every sanction can be escaped by a counter-move: not deterred.",
                    _ => "; no opponents' move sequence leaves it no better off: not deterred.",
                });
            }
            else
            {
                var moves = string.Join(e.Concept.Kind == ConceptKind.Sim ? " while " : ", then ", i.Sanction.Select(st => $"{players[st.Player].Name} moves to {State(model, st.To)}"));
                sb.Append(CultureInfo.InvariantCulture, $"; deterred: {(e.Concept.Kind == ConceptKind.Sim ? "if at the same time " : "")}{moves}");
                sb.Append(CultureInfo.InvariantCulture, $", ending in {State(model, i.Outcome!.Value)}, which {who} likes no better than {ConflictModel.OrderedId(e.State)}");
                sb.Append(e.Concept.Kind == ConceptKind.Smr ? " and cannot escape by a counter-move." : ".");
            }
        }

        return sb.ToString();
    }

    private static string State(ConflictModel model, int s) => $"{ConflictModel.OrderedId(s)} ({model.Code(s)})";
}
