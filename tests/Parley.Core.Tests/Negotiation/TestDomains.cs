using Parley.Negotiation;

namespace Parley.Tests.Negotiation;

/// <summary>Small hand-built domains and scripted agents for protocol and strategy tests.</summary>
internal static class TestDomains
{
    /// <summary>One issue with options 0..n−1; the party's score of option o is o·100/(n−1) (or reversed).</summary>
    public static PartyView Line(string party, int n, bool reversed = false, double reservation = 0)
    {
        var space = new OutcomeSpace([n]);
        var scores = Enumerable.Range(0, n).Select(o => (reversed ? n - 1 - o : o) * 100.0 / (n - 1)).ToArray();
        return new PartyView(party, space, [scores], reservation, [], [-1]);
    }

    /// <summary>A view over an arbitrary table (weights already applied).</summary>
    public static PartyView Table(string party, double[][] table, double reservation = 0) =>
        new(party, new OutcomeSpace([.. table.Select(t => t.Length)]), table, reservation, [], [.. table.Select(_ => -1)]);
}
