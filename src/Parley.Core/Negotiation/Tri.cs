namespace Parley.Negotiation;

/// <summary>Kleene truth values.</summary>
internal enum Tri
{
    False,
    True,
    Unknown,
}
