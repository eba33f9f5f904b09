using Parley.Model;

namespace Parley.Negotiation.Tournaments;

/// <summary>A domain of a tournament, as referenced in the config (the CLI reads the files).</summary>
/// <param name="Kind"><c>scenario</c> (a Parley YAML file), <c>genius</c> (a GENIUS/GeniusWeb/ANL domain folder or files) or <c>negmas</c> (a NegMAS scenario folder, YAML layout).</param>
/// <param name="Paths">Files or folder, relative to the config file.</param>
/// <param name="Parties">Roles: party ids (scenario) in table order; empty = the first two non-optional parties with preferences.</param>
/// <param name="RedLines">Whether red lines bind.</param>
/// <param name="Name">Short name used in session keys.</param>
/// <param name="Span">Where it was declared (for errors).</param>
public sealed record DomainRef(string Kind, ValueList<string> Paths, ValueList<string> Parties, bool RedLines, string Name, SourceSpan Span);
