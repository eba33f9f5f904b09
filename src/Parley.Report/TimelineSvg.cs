using Parley.Model;

namespace Parley.Report;

/// <summary>
/// The dated events of the talks on one calendar axis: each deadline (with the stage it binds and
/// its consequence) and the outlook date. Labels alternate above and below the axis so that
/// deadlines a few days apart stay readable.
/// </summary>
internal static class TimelineSvg
{
    private const double Width = 760;
    private const double Height = 150;
    private const double AxisY = 75;
    private const double Left = 60;
    private const double Right = 60;

    /// <summary>One marker on the axis.</summary>
    internal sealed record Event(DateOnly Date, string Label, string Kind, string Id);

    public static IReadOnlyList<Event> Events(ProcessSpec? process, DateOnly? by)
    {
        var events = (process?.Deadlines ?? Enumerable.Empty<Deadline>()).Select(d => new Event(d.Date,
            $"{d.Id}{(d.Stage is null ? "" : " (" + d.Stage + ")")} → {Words.Lower(d.Consequence)}", "deadline", d.Id)).ToList();
        if (by is { } date)
        {
            events.Add(new Event(date, "outlook date (--by)", "by", "by"));
        }

        return [.. events.OrderBy(e => e.Date).ThenBy(e => e.Kind, StringComparer.Ordinal)];
    }

    public static string Render(IReadOnlyList<Event> events)
    {
        var first = events.Min(e => e.Date).AddDays(-2);
        var last = events.Max(e => e.Date).AddDays(2);
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        double X(DateOnly d) => Left + ((Width - Left - Right) * (d.DayNumber - first.DayNumber) / span);

        var svg = new HtmlWriter();
        svg.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", $"0 0 {HtmlWriter.Num(Width)} {HtmlWriter.Num(Height)}"),
            ("role", "img"), ("aria-label", "Deadlines on a calendar axis"), ("class", "diagram"));
        svg.Empty("line", ("x1", HtmlWriter.Num(Left - 20)), ("y1", HtmlWriter.Num(AxisY)), ("x2", HtmlWriter.Num(Width - Right + 20)), ("y2", HtmlWriter.Num(AxisY)), ("stroke", "#444"), ("stroke-width", "1.5"));
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var x = X(e.Date);
            var above = i % 2 == 0;
            var colour = e.Kind == "by" ? "#1f5fa8" : "#b00020";
            svg.Open("g", ("data-event", e.Id), ("data-date", Words.Date(e.Date)));
            svg.Empty("line", ("x1", HtmlWriter.Num(x)), ("y1", HtmlWriter.Num(above ? AxisY - 30 : AxisY)), ("x2", HtmlWriter.Num(x)), ("y2", HtmlWriter.Num(above ? AxisY : AxisY + 30)),
                ("stroke", colour), ("stroke-width", "1.2"), ("stroke-dasharray", e.Kind == "by" ? "4 3" : null));
            svg.Empty("circle", ("cx", HtmlWriter.Num(x)), ("cy", HtmlWriter.Num(AxisY)), ("r", "5"), ("fill", colour));
            var anchor = x < Width / 4 ? "start" : x > Width * 3 / 4 ? "end" : "middle";
            svg.Element("text", Words.Date(e.Date), ("x", HtmlWriter.Num(x)), ("y", HtmlWriter.Num(above ? AxisY - 50 : AxisY + 46)), ("text-anchor", anchor), ("class", "event-date"));
            svg.Element("text", e.Label, ("x", HtmlWriter.Num(x)), ("y", HtmlWriter.Num(above ? AxisY - 35 : AxisY + 61)), ("text-anchor", anchor), ("class", "event-label"));
            svg.Close("g");
        }

        return svg.Close("svg").ToString();
    }
}
