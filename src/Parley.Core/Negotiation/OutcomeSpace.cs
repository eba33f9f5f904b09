namespace Parley.Negotiation;

/// <summary>
/// The product of a set of issues' options, with each package coded as one <see cref="long"/> in mixed
/// radix (first issue most significant, so codes sort like the packages lexicographically). Codes keep
/// offers allocation-free and cheap to compare, hash and store in traces.
/// </summary>
internal sealed class OutcomeSpace
{
    private readonly long[] _strides;

    public OutcomeSpace(IReadOnlyList<int> optionCounts, IReadOnlyList<int>? issueIndices = null)
    {
        Counts = [.. optionCounts];
        IssueIndices = issueIndices is null ? [.. Enumerable.Range(0, Counts.Length)] : [.. issueIndices];
        _strides = new long[Counts.Length];
        long size = 1;
        for (var k = Counts.Length - 1; k >= 0; k--)
        {
            if (Counts[k] < 1)
            {
                throw new ArgumentException($"issue {k} has no options", nameof(optionCounts));
            }

            _strides[k] = size;
            size = size > long.MaxValue / Counts[k] ? throw new ArgumentException("the package space exceeds 2^63 packages", nameof(optionCounts)) : size * Counts[k];
        }

        Size = size;
    }

    /// <summary>Option count per issue of this space.</summary>
    public int[] Counts { get; }

    /// <summary>For each issue of this space, its index among the scenario's issues.</summary>
    public int[] IssueIndices { get; }

    public int IssueCount => Counts.Length;

    /// <summary>Number of packages.</summary>
    public long Size { get; }

    public long Encode(ReadOnlySpan<int> options)
    {
        long code = 0;
        for (var k = 0; k < Counts.Length; k++)
        {
            code += options[k] * _strides[k];
        }

        return code;
    }

    public void Decode(long code, Span<int> options)
    {
        for (var k = Counts.Length - 1; k >= 0; k--)
        {
            options[k] = (int)(code % Counts[k]);
            code /= Counts[k];
        }
    }

    public int Option(long code, int issue) => (int)(code / _strides[issue] % Counts[issue]);

    /// <summary>The package with one issue's option replaced.</summary>
    public long With(long code, int issue, int option) => code + ((option - Option(code, issue)) * _strides[issue]);
}
