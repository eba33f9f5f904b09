namespace Parley.Model;

/// <summary>
/// An issue on the agenda. Discrete issues list their options in order; numeric issues
/// (with <see cref="Numeric"/>) are expanded into one option per step, with ids made of the issue id
/// and the number (<c>price40</c>, <c>rate2.5</c>, <c>t-5</c>).
/// </summary>
/// <param name="Id">Short id (e.g. <c>T</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Options">Options in declared order (for a numeric issue: min, min+step, …, max).</param>
/// <param name="Numeric">The range for a numeric issue, else null.</param>
public sealed record Issue(string Id, string Name, ValueList<IssueOption> Options, NumericRange? Numeric = null)
{
    /// <summary>Index of the option with the given id, or -1.</summary>
    public int OptionIndex(string optionId)
    {
        for (var o = 0; o < Options.Count; o++)
        {
            if (Options[o].Id == optionId)
            {
                return o;
            }
        }

        return -1;
    }
}

/// <summary>One option of an issue.</summary>
/// <param name="Id">Id unique across the whole scenario (e.g. <c>T3</c>).</param>
/// <param name="Name">Description.</param>
/// <param name="Value">For a numeric issue, the option's number; else null.</param>
public sealed record IssueOption(string Id, string Name, double? Value = null);

/// <summary>A numeric issue's range: options are <c>Min, Min+Step, …, Max</c>.</summary>
public sealed record NumericRange(double Min, double Max, double Step, string Unit)
{
    /// <summary>Number of options the range expands to.</summary>
    public int Count => (int)Math.Min(int.MaxValue, Math.Floor(((Max - Min) / Step) + 1e-9) + 1);
}
