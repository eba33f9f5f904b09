namespace Parley.Scenarios.Diff;

/// <summary>One field of an element compared by its words; <see cref="Take"/> copies it from the newer element into another.</summary>
/// <param name="Name">The field's key in the file (<c>negotiators</c>, <c>status</c>).</param>
/// <param name="Show">The field's value in words; two values are equal when their words are.</param>
/// <param name="Take">(target, source) → target with the source's value of the field.</param>
internal sealed record Field<T>(string Name, Func<T, string> Show, Func<T, T, T> Take);
