namespace Parley.Negotiation;

/// <summary>
/// Everything an agent may know about preferences: its <b>own</b> utility, reservation value and red
/// lines over the packages at the table, and the (public) shape of the package space. Strategies receive
/// only this view and the offers made; no path leads from it to the scenario or to another party's
/// preferences (the implementation holds nothing but its own party's tables).
/// </summary>
internal interface IUtilityView
{
    /// <summary>Whose view this is.</summary>
    string PartyId { get; }

    /// <summary>The packages on the table (issues and option counts are common knowledge).</summary>
    OutcomeSpace Space { get; }

    /// <summary>Own utility of a package on the scenario's scale (ignores red lines).</summary>
    double Utility(long package);

    /// <summary>Own reservation value at this session's time.</summary>
    double Reservation { get; }

    /// <summary>True when the package keeps every own red line still firm (unknown counts as kept).</summary>
    bool KeepsRedLines(long package);

    /// <summary>Own red lines kept and utility at least the reservation value.</summary>
    bool IsAcceptable(long package);

    /// <summary>Highest own utility over packages keeping the own red lines.</summary>
    double MaxUtility { get; }

    /// <summary>Packages keeping the own red lines, best first (ties by code); all packages when none keeps them.
    /// For very large spaces a seeded sample stands in for the full list.</summary>
    ReadOnlySpan<long> Ranked { get; }

    /// <summary>Own utilities of <see cref="Ranked"/>, in the same order (non-increasing).</summary>
    ReadOnlySpan<double> RankedUtilities { get; }
}
