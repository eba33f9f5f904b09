using System.Globalization;
using System.Text;

namespace Parley.Conflict;

/// <summary>
/// Graphviz DOT text of the state graph: one node per feasible state (ordered id and Y/N code;
/// equilibria of the first concept drawn double), one edge per player's improvement, labelled with
/// the player. Conflicts above <see cref="MaxStates"/> states are refused (a picture would be unreadable).
/// </summary>
internal static class ConflictDot
{
    public const int MaxStates = 4096;

    public static string Write(StabilityResult result, StatusQuoResult? statusQuo = null)
    {
        var model = result.Model;
        if (model.StateCount > MaxStates)
        {
            throw new ArgumentException($"the conflict has {model.StateCount:N0} states; DOT export draws at most {MaxStates:N0}");
        }

        var eq = result.Concepts.Count > 0 ? result.Equilibria(0).ToHashSet() : [];
        var onPath = statusQuo?.Reachable.ToHashSet() ?? [];
        var checker = new StateChecker(model, result.Players, result.Mode);
        var sb = new StringBuilder();
        sb.AppendLine("digraph conflict {");
        sb.AppendLine("  rankdir=LR;");
        sb.AppendLine("  node [shape=ellipse, fontname=\"Helvetica\"];");
        for (var s = 0; s < model.StateCount; s++)
        {
            var attrs = new List<string> { $"label=\"{ConflictModel.OrderedId(s)}\\n{model.Code(s)}\"" };
            if (eq.Contains(s))
            {
                attrs.Add("peripheries=2");
            }

            if (onPath.Contains(s))
            {
                attrs.Add("style=filled, fillcolor=\"#e8f0ff\"");
            }

            sb.Append(CultureInfo.InvariantCulture, $"  s{ConflictModel.OrderedId(s)} [{string.Join(", ", attrs)}];").AppendLine();
        }

        for (var s = 0; s < model.StateCount; s++)
        {
            for (var p = 0; p < result.Players.Length; p++)
            {
                foreach (var t in checker.Improvements(p, s))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"  s{ConflictModel.OrderedId(s)} -> s{ConflictModel.OrderedId(t)} [label=\"{Escape(result.Players[p].Name)}\"];").AppendLine();
                }
            }
        }

        sb.AppendLine("}");
        return sb.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
