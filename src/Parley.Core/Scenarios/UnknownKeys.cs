using Parley.Model;

namespace Parley.Scenarios;

/// <summary>
/// The one check for keys a YAML mapping may not hold, used by every section reader (scenario, <c>simulation:</c>,
/// <c>forecast:</c>, tournament configs). Each unknown key is an error at the key's own file:line:col:
/// <c>unknown key 'titel' in scenario (did you mean 'title'?); expected one of …</c>.
/// </summary>
internal static class UnknownKeys
{
    /// <summary>Longest message kept: a context label may quote input.</summary>
    private const int MaxMessage = 600;

    /// <summary>
    /// Adds an error for each key of <paramref name="map"/> not in <paramref name="allowed"/>.
    /// <paramref name="context"/> names the mapping after "in" ("scenario", "simulation.defaults").
    /// </summary>
    public static void Check(RawMapping map, IReadOnlyCollection<string> allowed, string context, string file, ICollection<Diagnostic> diagnostics)
    {
        string? expected = null;
        foreach (var (key, _) in map.KeyedEntries)
        {
            if (allowed.Contains(key.Text))
            {
                continue;
            }

            var message = $"unknown key '{YamlTreeReader.Quote(key.Text)}' in {context}{Suggestion(key.Text, allowed, diagnostics.Count)}; expected one of {expected ??= string.Join(", ", allowed)}";
            diagnostics.Add(new(Severity.Error, file, key.Span.Line, key.Span.Column, message.Length > MaxMessage ? message[..MaxMessage] + "…" : message));
        }
    }

    /// <summary>" (did you mean 'x'?)" for the nearest allowed key within a typo's reach (edit distance ≤ 2, or a different case), else "".</summary>
    internal static string Suggestion(string key, IReadOnlyCollection<string> allowed, int errorsSoFar = 0)
    {
        // Long keys are not compared, nor keys beyond the first thousand errors (only 50 are shown; hostile files have many).
        if (key.Length > 64 || errorsSoFar > 1000 || allowed.Count == 0)
        {
            return "";
        }

        var lower = key.ToLowerInvariant();
        var hint = allowed.MinBy(k => Distance(k, lower))!;
        return Distance(hint, lower) <= Math.Min(2, Math.Max(1, key.Length / 3)) ? $" (did you mean '{hint}'?)" : "";
    }

    /// <summary>Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment).</summary>
    internal static int Distance(string a, string b)
    {
        // Three rolling rows (keys are at most 64 characters here), so no allocation per comparison.
        Span<int> before = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, before[j - 2] + 1); // a swap of neighbours is one typo
                }

                current[j] = d;
            }

            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
