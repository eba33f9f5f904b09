namespace Parley.Scenarios.Diff;

/// <summary>One step into a raw tree: a mapping key, or the <c>id</c> of an element of a sequence.</summary>
internal sealed record RawStep(string Name, bool ById);
