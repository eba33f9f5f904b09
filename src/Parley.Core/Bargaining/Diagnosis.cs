using Parley.Model;

namespace Parley.Bargaining;

/// <summary>
/// Why the agreement zone is empty and what would reopen it.
/// </summary>
/// <param name="Conflicts">
/// Minimal sets of constraints that are jointly unsatisfiable (up to <see cref="BargainingOptions.MaxRelaxationSize"/>
/// members each): red-line ids, and <c>PARTY:reservation</c> for a reservation value. Dropping any one member of every
/// conflict is necessary to reopen the zone.
/// </param>
/// <param name="RedLinesAloneIncompatible">True when the red lines exclude every package even with no reservation values.</param>
/// <param name="Relaxations">Minimal sets of red lines whose dropping reopens the zone (reservations kept), smallest first.</param>
/// <param name="ReservationCuts">Smallest reservation cuts that reopen the zone with all red lines kept (empty when the red lines alone are incompatible).</param>
/// <param name="MaxSetSize">Largest conflict / relaxation set searched; larger minimal sets, if any, are not listed.</param>
public sealed record Diagnosis(
    ValueList<ValueList<string>> Conflicts,
    bool RedLinesAloneIncompatible,
    ValueList<Relaxation> Relaxations,
    ValueList<ReservationCut> ReservationCuts,
    int MaxSetSize);
