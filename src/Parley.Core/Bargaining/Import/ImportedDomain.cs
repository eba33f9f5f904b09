using Parley.Model;
using Parley.Scenarios;

namespace Parley.Bargaining.Import;

/// <summary>A negotiation domain read from GENIUS, GeniusWeb/ANL or NegoLog files, ready for <see cref="BargainingSolver"/>.</summary>
/// <param name="Table">Issues, parties (one per profile, named after the profile file) and utilities on the 0–1 scale.</param>
/// <param name="Format">Detected format: <c>genius</c>, <c>geniusweb</c> or <c>negolog</c>.</param>
/// <param name="Warnings">What the lenient reader repaired or normalised, located in the input.</param>
public sealed record ImportedDomain(UtilityTable Table, string Format, ValueList<Diagnostic> Warnings);
