using System.Text;
using CsvHelper;

namespace Parley.Forecast;

/// <summary>
/// Splits CSV text into located rows through CsvHelper (RFC 4180: quoted fields may hold commas, doubled quotes
/// and line breaks; spaces and tabs around a value are trimmed, inside quotes too). Each field carries the
/// line and column where it starts (its opening quote, for a quoted one) and where it ends, so errors can name
/// file:line:col; rows whose fields are all empty are left out.
/// </summary>
internal static class CsvRows
{
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = false,
        TrimWhitespace = true,
        TrimInsideQuotes = true,
        AllowLineBreaksInQuotes = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        MalformedData = CsvMalformedDataHandling.Recover,
    };

    /// <summary>A field's value, where it starts and ends (1-based; the end is the column just after it), and whether it was quoted.</summary>
    public sealed record Field(string Text, int Line, int Column, int EndLine, int EndColumn, bool Quoted);

    /// <summary>A row: the line its record starts on, the line it ends on, and its fields.</summary>
    public sealed record Row(int Line, int EndLine, IReadOnlyList<Field> Fields);

    /// <summary>
    /// The non-empty rows of <paramref name="text"/>. Broken quoting (a quoted field never closed, text after a
    /// closing quote) is reported through <paramref name="error"/> at its line and column, and the row is kept
    /// as CsvHelper recovers it.
    /// </summary>
    public static List<Row> Read(string text, Action<int, int, string> error)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var map = new Positions(bytes);

        // CsvHelper scans ahead, so it may report a record's quoting before that record is read: keep the
        // reports by record number until then.
        var malformed = new Dictionary<long, CsvMalformedRecord>();
        var options = Options with { OnMalformedRecord = m => malformed.TryAdd(m.RecordNumber, m) };
        var rows = new List<Row>();
        using var reader = CsvReader.Create(bytes, options);
        long record = 0;
        while (reader.Read())
        {
            record++;
            var start = checked((int)reader.ByteOffset);
            var fields = new List<Field>(reader.FieldCount);
            var offset = start;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var raw = reader.GetRawSpan(i);
                var trimmed = raw.Trim(" \t"u8);
                var lead = trimmed.IsEmpty ? 0 : raw.Length - raw.TrimStart(" \t"u8).Length;
                var (line, column) = map.At(offset + lead);
                var (endLine, endColumn) = map.At(offset + lead + trimmed.Length);
                fields.Add(new Field(reader.GetString(i), line, column, endLine, endColumn, trimmed.StartsWith("\""u8)));
                offset += raw.Length + 1; // the separator
            }

            var first = map.At(start).Line;
            var last = fields.Count > 0 ? fields[^1].EndLine : first;
            if (malformed.Remove(record, out var bad))
            {
                Report(bad, fields, map, bytes, error);
            }

            if (fields.Any(f => f.Text.Length > 0))
            {
                rows.Add(new Row(first, last, fields));
            }
        }

        return rows;
    }

    private static void Report(CsvMalformedRecord bad, List<Field> fields, Positions map, byte[] bytes, Action<int, int, string> error)
    {
        switch (bad.Reason)
        {
            case CsvMalformedReason.UnterminatedQuote:
                // CsvHelper points at the end of the input, where it gave up; the quote that opened the field is
                // the start of the row's last quoted field.
                var open = fields.LastOrDefault(f => f.Quoted) ?? fields[^1];
                error(open.Line, open.Column, "unterminated quoted field");
                break;
            case CsvMalformedReason.TextAfterClosingQuote:
                var at = (int)Math.Min(bad.ByteOffset, bytes.Length);
                while (at < bytes.Length && bytes[at] is (byte)' ' or (byte)'\t')
                {
                    at++;
                }

                var (line, column) = map.At(at);
                error(line, column, "unexpected text after a quoted field; expected a comma");
                break;
            default:
                break; // a quote inside an unquoted field is text, as it always was
        }
    }

    /// <summary>Maps byte offsets of UTF-8 text to 1-based lines (LF, CR LF or CR end one) and columns in UTF-16 characters.</summary>
    private sealed class Positions
    {
        private readonly byte[] _bytes;
        private readonly List<int> _lineStarts = [0];

        public Positions(byte[] bytes)
        {
            _bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 == bytes.Length || bytes[i + 1] != (byte)'\n')))
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) At(int offset)
        {
            offset = Math.Clamp(offset, 0, _bytes.Length);
            var index = _lineStarts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return (line + 1, Encoding.UTF8.GetCharCount(_bytes, _lineStarts[line], offset - _lineStarts[line]) + 1);
        }
    }
}
