using Parley.Model;

namespace Parley.Negotiation;

/// <summary>One move in a trace.</summary>
/// <param name="Round">Round (0-based).</param>
/// <param name="Party">Who moved ("mediator" for single-text proposals).</param>
/// <param name="Kind">offer, accept, reject or end.</param>
/// <param name="Package">The package (option ids), or null for walking away.</param>
/// <param name="Utilities">Each table party's utility of the package, in <see cref="SessionTraceRecord.Parties"/> order.</param>
public sealed record TraceStep(int Round, string Party, MoveKind Kind, ValueList<string>? Package, ValueList<double> Utilities);
