namespace Parley.Report;

/// <summary>
/// The sections a lens would fill when that lens is not in this build, or when the scenario gives it
/// nothing to analyse. They say so plainly: no placeholder numbers, ever.
/// </summary>
internal static class LensNote
{
    /// <summary>A section whose lens is not part of this build.</summary>
    /// <param name="id">Section id.</param>
    /// <param name="title">Heading.</param>
    /// <param name="lens">The lens, e.g. "conflict lens (Parley.Conflict, parley stability)".</param>
    /// <param name="wouldShow">What the section shows once the lens exists.</param>
    /// <param name="declared">What the scenario declares for it (inputs only, no results).</param>
    public static ReportSection Unavailable(string id, string title, string lens, string wouldShow, string declared)
    {
        var html = new HtmlWriter();
        html.Open("p", ("class", "unavailable"), ("data-unavailable", id))
            .Element("strong", "Not available in this build. ")
            .Text($"The {lens} is not part of this build of Parley, so this section shows no results rather than placeholders. Once it is, this section shows {wouldShow}.")
            .Close("p");
        html.Element("p", declared, ("class", "declared"));
        return new ReportSection(id, title, SectionStatus.Unavailable, html.ToString(),
            [$"not available in this build ({lens})"], []);
    }

    /// <summary>A section the scenario gives nothing to analyse.</summary>
    public static ReportSection NoInput(string id, string title, string missing)
    {
        var html = new HtmlWriter();
        html.Open("p", ("class", "unavailable"), ("data-no-input", id))
            .Element("strong", "Nothing to analyse. ")
            .Text(missing)
            .Close("p");
        return new ReportSection(id, title, SectionStatus.NoInput, html.ToString(), [missing], []);
    }

    /// <summary>A section whose lens refused the scenario (e.g. a limit it does not support): the lens's own message, no numbers.</summary>
    public static ReportSection Failed(string id, string title, string lens, string message)
    {
        var html = new HtmlWriter();
        html.Open("p", ("class", "unavailable"), ("data-error", id))
            .Element("strong", "Could not be computed. ")
            .Text($"The {lens} reported: {message}")
            .Close("p");
        return new ReportSection(id, title, SectionStatus.Error, html.ToString(), [$"could not be computed: {message}"], []);
    }
}
