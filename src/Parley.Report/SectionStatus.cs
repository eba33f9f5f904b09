namespace Parley.Report;

/// <summary>Whether a section carries results.</summary>
internal enum SectionStatus
{
    /// <summary>The section's results are on the page.</summary>
    Available,

    /// <summary>The lens that computes it is not part of this build; the page says so instead of showing numbers.</summary>
    Unavailable,

    /// <summary>The scenario declares nothing this section could analyse (e.g. no <c>conflict:</c> section).</summary>
    NoInput,

    /// <summary>The lens ran and refused the input; the page shows its message.</summary>
    Error,
}
