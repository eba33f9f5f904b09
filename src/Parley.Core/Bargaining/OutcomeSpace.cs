using System.Globalization;
using Parley.Model;

namespace Parley.Bargaining;

/// <summary>
/// The product of the issues' option sets. A <b>package</b> is one option index per issue, in issue
/// order. Packages are ordered lexicographically (first issue most significant), which is the order of
/// their <see cref="IndexOf">package index</see>; "lowest package index" tie-breaks use this order.
/// </summary>
/// <param name="Issues">The issues, in order.</param>
public sealed record OutcomeSpace(ValueList<OutcomeIssue> Issues)
{
    /// <summary>Number of packages (saturates at <see cref="double.MaxValue"/>).</summary>
    public double Count => Issues.Aggregate(1.0, (acc, i) => acc * i.OptionIds.Count);

    /// <summary>Number of packages when it fits in a <see cref="long"/>, else null.</summary>
    public long? ExactCount
    {
        get
        {
            long n = 1;
            foreach (var issue in Issues)
            {
                if (n > long.MaxValue / Math.Max(1, issue.OptionIds.Count))
                {
                    return null;
                }

                n *= issue.OptionIds.Count;
            }

            return n;
        }
    }

    /// <summary>Builds the space of a scenario's issues.</summary>
    public static OutcomeSpace FromScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new(scenario.Issues.Select(i => new OutcomeIssue(i.Id, i.Name,
            i.Options.Select(o => o.Id).ToValueList(), i.Options.Select(o => o.Name).ToValueList())).ToValueList());
    }

    /// <summary>Package index (mixed radix, last issue fastest). Requires <see cref="ExactCount"/> to be known.</summary>
    public long IndexOf(ReadOnlySpan<int> package)
    {
        long index = 0;
        for (var k = 0; k < Issues.Count; k++)
        {
            index = checked((index * Issues[k].OptionIds.Count) + package[k]);
        }

        return index;
    }

    /// <summary>The package with the given index (inverse of <see cref="IndexOf"/>).</summary>
    public int[] PackageAt(long index)
    {
        var package = new int[Issues.Count];
        for (var k = Issues.Count - 1; k >= 0; k--)
        {
            var n = Issues[k].OptionIds.Count;
            package[k] = (int)(index % n);
            index /= n;
        }

        return package;
    }

    /// <summary>The package's option ids joined by <c>|</c>, e.g. <c>C1|T4|G3|S3|Q3|V3</c>.</summary>
    public string Describe(ReadOnlySpan<int> package)
    {
        var parts = new string[Issues.Count];
        for (var k = 0; k < parts.Length; k++)
        {
            parts[k] = Issues[k].OptionIds[package[k]];
        }

        return string.Join("|", parts);
    }

    /// <summary>Issue id → option id for a package, in issue order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options(ReadOnlySpan<int> package)
    {
        var pairs = new KeyValuePair<string, string>[Issues.Count];
        for (var k = 0; k < pairs.Length; k++)
        {
            pairs[k] = new(Issues[k].Id, Issues[k].OptionIds[package[k]]);
        }

        return pairs;
    }

    /// <summary>Parses a package written as option ids joined by <c>|</c> (the form <see cref="Describe"/> writes).</summary>
    /// <exception cref="FormatException">An option is unknown or the count does not match.</exception>
    public int[] Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length != Issues.Count)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"package '{text}' has {parts.Length} options; expected one per issue ({Issues.Count})"));
        }

        var package = new int[parts.Length];
        for (var k = 0; k < parts.Length; k++)
        {
            package[k] = Issues[k].OptionIndex(parts[k]);
            if (package[k] < 0)
            {
                throw new FormatException($"package '{text}': '{parts[k]}' is not an option of issue {Issues[k].Id}");
            }
        }

        return package;
    }
}
