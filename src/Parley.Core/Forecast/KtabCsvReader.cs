using System.Globalization;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Forecast;

/// <summary>
/// Reads KTAB's SMP CSV format, checking everything KTAB checks (and what it leaves to assertions) and locating
/// each problem by line and column:
/// <code>
/// NAME, DESCRIPTION, NUM_ACTORS, NUM_DIMS,
/// Actor, Description, Power, Dim1, Sal1, Dim2, Sal2, …
/// A1, desc, 102.5, 75.79, 49.53, 6.37, 5.91, …
/// </code>
/// Positions and saliences are on [0, 100]; an actor's saliences sum to at most 100. A trailing comma is allowed.
/// </summary>
internal static class KtabCsvReader
{
    /// <summary>Largest number of actors accepted (KTAB: 250).</summary>
    public const int MaxActors = 1000;

    /// <summary>Largest number of dimensions accepted.</summary>
    public const int MaxDimensions = 100;

    private const int MaxErrors = 50;

    private readonly record struct Field(string Text, int Column);

    public static ForecastLoadResult Read(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        void Error(int line, int column, string message)
        {
            if (diagnostics.Count < MaxErrors)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, file, line, column, message));
            }
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var line = text.AsSpan(0, nul).Count('\n') + 1;
            Error(line, nul - text.LastIndexOf('\n', Math.Max(0, nul - 1)), "NUL byte: this is not a text CSV file");
            return new ForecastLoadResult(null, diagnostics);
        }

        var rows = new List<(int Line, List<Field> Fields)>();
        for (var n = 0; n < lines.Length; n++)
        {
            var fields = SplitLine(lines[n], n + 1, Error);
            if (fields.Any(f => f.Text.Length > 0))
            {
                rows.Add((n + 1, fields));
            }
        }

        if (rows.Count == 0)
        {
            Error(1, 1, "empty file; expected a KTAB SMP CSV (NAME, DESCRIPTION, NUM_ACTORS, NUM_DIMS, then a header row and one row per actor)");
            return new ForecastLoadResult(null, diagnostics);
        }

        var (firstLine, first) = rows[0];
        var name = first[0].Text;
        var description = first.Count > 1 ? first[1].Text : "";
        var numActors = Count(first, 2, firstLine, "number of actors", 2, MaxActors, Error);
        var numDims = Count(first, 3, firstLine, "number of dimensions", 1, MaxDimensions, Error);
        if (numActors is null || numDims is null)
        {
            return new ForecastLoadResult(null, diagnostics);
        }

        var nd = numDims.Value;
        var width = 3 + (2 * nd);
        if (rows.Count < 2)
        {
            Error(firstLine + 1, 1, $"missing the header row (Actor, Description, Power, then position and salience columns for {nd} dimension(s))");
            return new ForecastLoadResult(null, diagnostics);
        }

        var (headerLine, header) = rows[1];
        var used = LastNonEmpty(header) + 1;
        if (used != width)
        {
            Error(headerLine, used > width ? header[width].Column : header[^1].Column + header[^1].Text.Length,
                $"header has {used} column(s); {nd} dimension(s) need {width}: Actor, Description, Power, then a position and a salience column per dimension");
        }

        var dims = Enumerable.Range(0, nd).Select(d => 3 + (2 * d) < header.Count && header[3 + (2 * d)].Text.Length > 0 ? header[3 + (2 * d)].Text : $"Dim{d + 1}").ToValueList();
        var actors = new List<ForecastActor>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 2; r < rows.Count; r++)
        {
            var (line, fields) = rows[r];
            if (actors.Count == numActors)
            {
                Error(line, fields[0].Column, $"more actor rows than the {numActors} declared on line {firstLine}");
                break;
            }

            actors.Add(ReadActor(line, fields, nd, width, names, Error));
        }

        if (actors.Count < numActors)
        {
            Error(rows[^1].Line + 1, 1, $"found {actors.Count} actor row(s); line {firstLine} declares {numActors}");
        }

        return diagnostics.Count > 0
            ? new ForecastLoadResult(null, diagnostics)
            : new ForecastLoadResult(
                new ForecastInput(name, description, dims, actors.ToValueList(), description.Contains("illustrative", StringComparison.OrdinalIgnoreCase)),
                diagnostics);
    }

    private static ForecastActor ReadActor(int line, List<Field> fields, int nd, int width, Dictionary<string, int> names, Action<int, int, string> error)
    {
        var used = LastNonEmpty(fields) + 1;
        if (used > width)
        {
            error(line, fields[width].Column, $"unexpected value '{Clip(fields[width].Text)}': an actor row has {width} columns (name, description, power, then position and salience for {nd} dimension(s))");
        }
        else if (fields.Count < width)
        {
            error(line, fields[^1].Column + fields[^1].Text.Length, $"row has {fields.Count} column(s); expected {width} (name, description, power, then position and salience for {nd} dimension(s))");
        }

        var name = fields[0].Text;
        if (name.Length == 0)
        {
            error(line, fields[0].Column, "actor name is empty");
        }
        else if (names.TryGetValue(name, out var previous))
        {
            error(line, fields[0].Column, $"actor '{Clip(name)}' already appears on line {previous}");
        }
        else
        {
            names[name] = line;
        }

        var description = fields.Count > 1 ? fields[1].Text : "";
        var capability = Number(fields, 2, line, "power (capability)", error);
        if (capability is { } c && !(c > 0 && c < 1e8))
        {
            error(line, fields[2].Column, $"power must be positive and below 1e8, found {Clip(fields[2].Text)}");
        }

        var positions = new double[nd];
        var saliences = new double[nd];
        var total = 0.0;
        for (var d = 0; d < nd; d++)
        {
            var p = Number(fields, 3 + (2 * d), line, $"position on dimension {d + 1}", error);
            if (p is { } pv && pv is < 0 or > 100)
            {
                error(line, fields[3 + (2 * d)].Column, $"position on dimension {d + 1} must be within [0, 100], found {Clip(fields[3 + (2 * d)].Text)}");
            }

            var s = Number(fields, 4 + (2 * d), line, $"salience on dimension {d + 1}", error);
            if (s is { } sv && sv is < 0 or > 100)
            {
                error(line, fields[4 + (2 * d)].Column, $"salience on dimension {d + 1} must be within [0, 100], found {Clip(fields[4 + (2 * d)].Text)}");
            }

            positions[d] = p ?? 0;
            saliences[d] = s ?? 0;
            total += saliences[d];
        }

        if (total > 100 + 1e-9)
        {
            error(line, fields[Math.Min(fields.Count - 1, 4)].Column, $"saliences of '{Clip(name)}' sum to {total.ToString("0.###", CultureInfo.InvariantCulture)}; at most 100 in total");
        }
        else if (total <= 0 && fields.Count >= width)
        {
            error(line, fields[4].Column, $"'{Clip(name)}' has zero salience on every dimension; it could not take part");
        }

        return new ForecastActor(name, description, capability ?? 1, positions.ToValueList(), saliences.ToValueList());
    }

    private static int? Count(List<Field> fields, int index, int line, string what, int min, int max, Action<int, int, string> error)
    {
        if (index >= fields.Count || fields[index].Text.Length == 0)
        {
            error(line, index < fields.Count ? fields[index].Column : fields[^1].Column + fields[^1].Text.Length,
                $"missing the {what} (line {line} is NAME, DESCRIPTION, NUM_ACTORS, NUM_DIMS)");
            return null;
        }

        if (!int.TryParse(fields[index].Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            error(line, fields[index].Column, $"the {what} must be a whole number, found '{Clip(fields[index].Text)}'");
            return null;
        }

        if (n < min || n > max)
        {
            error(line, fields[index].Column, $"the {what} must be between {min} and {max}, found {n}");
            return null;
        }

        return n;
    }

    private static double? Number(List<Field> fields, int index, int line, string what, Action<int, int, string> error)
    {
        if (index >= fields.Count)
        {
            return null; // the row-width error already covers it
        }

        var f = fields[index];
        if (f.Text.Length == 0)
        {
            error(line, f.Column, $"missing {what}");
            return null;
        }

        if (!double.TryParse(f.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
        {
            error(line, f.Column, $"{what} must be a number, found '{Clip(f.Text)}'");
            return null;
        }

        return x;
    }

    private static int LastNonEmpty(List<Field> fields)
    {
        for (var i = fields.Count - 1; i >= 0; i--)
        {
            if (fields[i].Text.Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Splits one line on commas; fields may be double-quoted ("" escapes a quote). Columns are 1-based.</summary>
    private static List<Field> SplitLine(string line, int lineNumber, Action<int, int, string> error)
    {
        var fields = new List<Field>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            var column = i + 1;
            string value;
            if (i < line.Length && line[i] == '"')
            {
                var sb = new System.Text.StringBuilder();
                var j = i + 1;
                var closed = false;
                while (j < line.Length)
                {
                    if (line[j] == '"')
                    {
                        if (j + 1 < line.Length && line[j + 1] == '"')
                        {
                            sb.Append('"');
                            j += 2;
                            continue;
                        }

                        closed = true;
                        j++;
                        break;
                    }

                    sb.Append(line[j++]);
                }

                if (!closed)
                {
                    error(lineNumber, column, "unterminated quoted field");
                }

                value = sb.ToString().Trim();
                while (j < line.Length && line[j] is ' ' or '\t')
                {
                    j++;
                }

                if (j < line.Length && line[j] != ',')
                {
                    error(lineNumber, j + 1, "unexpected text after a quoted field; expected a comma");
                    j = line.IndexOf(',', j) is var c && c >= 0 ? c : line.Length;
                }

                i = j;
            }
            else
            {
                var end = line.IndexOf(',', i);
                end = end < 0 ? line.Length : end;
                value = line[i..end].Trim();
                i = end;
            }

            fields.Add(new Field(value, column));
            if (i >= line.Length)
            {
                break;
            }

            i++; // skip the comma
        }

        return fields;
    }
}
