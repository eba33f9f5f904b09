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
/// Positions and saliences are on [0, 100]; an actor's saliences sum to at most 100. A trailing comma is allowed;
/// fields may be quoted (RFC 4180, read by CsvHelper through <see cref="CsvRows"/>).
/// </summary>
internal static class KtabCsvReader
{
    /// <summary>Largest number of actors accepted (KTAB: 250).</summary>
    public const int MaxActors = 1000;

    /// <summary>Largest number of dimensions accepted.</summary>
    public const int MaxDimensions = 100;

    private const int MaxErrors = 50;

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

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var line = text.AsSpan(0, nul).Count('\n') + 1;
            Error(line, nul - text.LastIndexOf('\n', Math.Max(0, nul - 1)), "NUL byte: this is not a text CSV file");
            return new ForecastLoadResult(null, diagnostics);
        }

        var rows = CsvRows.Read(text, Error);

        if (rows.Count == 0)
        {
            Error(1, 1, "empty file; expected a KTAB SMP CSV (NAME, DESCRIPTION, NUM_ACTORS, NUM_DIMS, then a header row and one row per actor)");
            return new ForecastLoadResult(null, diagnostics);
        }

        var (firstLine, firstEnd, first) = rows[0];
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
            Error(firstEnd + 1, 1, $"missing the header row (Actor, Description, Power, then position and salience columns for {nd} dimension(s))");
            return new ForecastLoadResult(null, diagnostics);
        }

        var header = rows[1].Fields;
        var used = LastNonEmpty(header) + 1;
        if (used != width)
        {
            var at = used > width ? Start(header[width]) : End(header[^1]);
            Error(at.Line, at.Column, $"header has {used} column(s); {nd} dimension(s) need {width}: Actor, Description, Power, then a position and a salience column per dimension");
        }

        var dims = Enumerable.Range(0, nd).Select(d => 3 + (2 * d) < header.Count && header[3 + (2 * d)].Text.Length > 0 ? header[3 + (2 * d)].Text : $"Dim{d + 1}").ToValueList();
        var actors = new List<ForecastActor>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 2; r < rows.Count; r++)
        {
            var (line, _, fields) = rows[r];
            if (actors.Count == numActors)
            {
                Error(fields[0].Line, fields[0].Column, $"more actor rows than the {numActors} declared on line {firstLine}");
                break;
            }

            actors.Add(ReadActor(line, fields, nd, width, names, Error));
        }

        if (actors.Count < numActors)
        {
            Error(rows[^1].EndLine + 1, 1, $"found {actors.Count} actor row(s); line {firstLine} declares {numActors}");
        }

        // Quoting errors come from the CSV pass, before the rows are checked: report everything in file order.
        return diagnostics.Count > 0
            ? new ForecastLoadResult(null, [.. diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column)])
            : new ForecastLoadResult(
                new ForecastInput(name, description, dims, actors.ToValueList(), description.Contains("illustrative", StringComparison.OrdinalIgnoreCase)),
                diagnostics);
    }

    private static ForecastActor ReadActor(int line, IReadOnlyList<CsvRows.Field> fields, int nd, int width, Dictionary<string, int> names, Action<int, int, string> error)
    {
        void ErrorAt(CsvRows.Field f, string message) => error(f.Line, f.Column, message);
        var used = LastNonEmpty(fields) + 1;
        if (used > width)
        {
            ErrorAt(fields[width], $"unexpected value '{Clip(fields[width].Text)}': an actor row has {width} columns (name, description, power, then position and salience for {nd} dimension(s))");
        }
        else if (fields.Count < width)
        {
            error(End(fields[^1]).Line, End(fields[^1]).Column, $"row has {fields.Count} column(s); expected {width} (name, description, power, then position and salience for {nd} dimension(s))");
        }

        var name = fields[0].Text;
        if (name.Length == 0)
        {
            ErrorAt(fields[0], "actor name is empty");
        }
        else if (names.TryGetValue(name, out var previous))
        {
            ErrorAt(fields[0], $"actor '{Clip(name)}' already appears on line {previous}");
        }
        else
        {
            names[name] = line;
        }

        var description = fields.Count > 1 ? fields[1].Text : "";
        var capability = Number(fields, 2, "power (capability)", error);
        if (capability is { } c && !(c > 0 && c < 1e8))
        {
            ErrorAt(fields[2], $"power must be positive and below 1e8, found {Clip(fields[2].Text)}");
        }

        var positions = new double[nd];
        var saliences = new double[nd];
        var total = 0.0;
        for (var d = 0; d < nd; d++)
        {
            var p = Number(fields, 3 + (2 * d), $"position on dimension {d + 1}", error);
            if (p is { } pv && pv is < 0 or > 100)
            {
                ErrorAt(fields[3 + (2 * d)], $"position on dimension {d + 1} must be within [0, 100], found {Clip(fields[3 + (2 * d)].Text)}");
            }

            var s = Number(fields, 4 + (2 * d), $"salience on dimension {d + 1}", error);
            if (s is { } sv && sv is < 0 or > 100)
            {
                ErrorAt(fields[4 + (2 * d)], $"salience on dimension {d + 1} must be within [0, 100], found {Clip(fields[4 + (2 * d)].Text)}");
            }

            positions[d] = p ?? 0;
            saliences[d] = s ?? 0;
            total += saliences[d];
        }

        if (total > 100 + 1e-9)
        {
            ErrorAt(fields[Math.Min(fields.Count - 1, 4)], $"saliences of '{Clip(name)}' sum to {total.ToString("0.###", CultureInfo.InvariantCulture)}; at most 100 in total");
        }
        else if (total <= 0 && fields.Count >= width)
        {
            ErrorAt(fields[4], $"'{Clip(name)}' has zero salience on every dimension; it could not take part");
        }

        return new ForecastActor(name, description, capability ?? 1, positions.ToValueList(), saliences.ToValueList());
    }

    private static int? Count(IReadOnlyList<CsvRows.Field> fields, int index, int line, string what, int min, int max, Action<int, int, string> error)
    {
        if (index >= fields.Count || fields[index].Text.Length == 0)
        {
            var at = index < fields.Count ? Start(fields[index]) : End(fields[^1]);
            error(at.Line, at.Column, $"missing the {what} (line {line} is NAME, DESCRIPTION, NUM_ACTORS, NUM_DIMS)");
            return null;
        }

        if (!int.TryParse(fields[index].Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            error(fields[index].Line, fields[index].Column, $"the {what} must be a whole number, found '{Clip(fields[index].Text)}'");
            return null;
        }

        if (n < min || n > max)
        {
            error(fields[index].Line, fields[index].Column, $"the {what} must be between {min} and {max}, found {n}");
            return null;
        }

        return n;
    }

    private static double? Number(IReadOnlyList<CsvRows.Field> fields, int index, string what, Action<int, int, string> error)
    {
        if (index >= fields.Count)
        {
            return null; // the row-width error already covers it
        }

        var f = fields[index];
        if (f.Text.Length == 0)
        {
            error(f.Line, f.Column, $"missing {what}");
            return null;
        }

        if (!double.TryParse(f.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
        {
            error(f.Line, f.Column, $"{what} must be a number, found '{Clip(f.Text)}'");
            return null;
        }

        return x;
    }

    private static int LastNonEmpty(IReadOnlyList<CsvRows.Field> fields)
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

    private static (int Line, int Column) Start(CsvRows.Field f) => (f.Line, f.Column);

    private static (int Line, int Column) End(CsvRows.Field f) => (f.EndLine, f.EndColumn);

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
