using Parley.Model;

namespace Parley.Bargaining;

/// <summary>One dimension of an <see cref="OutcomeSpace"/>: an issue and its options in order.</summary>
/// <param name="Id">Issue id (e.g. <c>T</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="OptionIds">Option ids in order (a package stores the index into this list).</param>
/// <param name="OptionNames">Option display names, same order as <paramref name="OptionIds"/>.</param>
public sealed record OutcomeIssue(string Id, string Name, ValueList<string> OptionIds, ValueList<string> OptionNames)
{
    /// <summary>Index of the option with the given id, or -1.</summary>
    public int OptionIndex(string optionId)
    {
        for (var o = 0; o < OptionIds.Count; o++)
        {
            if (OptionIds[o] == optionId)
            {
                return o;
            }
        }

        return -1;
    }
}
