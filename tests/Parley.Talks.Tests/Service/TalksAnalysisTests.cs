using Parley.Talks.Rules;
using Parley.Talks.Service;
using static Parley.Talks.Tests.TalksFixture;

namespace Parley.Talks.Tests.Service;

public sealed class TalksAnalysisTests
{
    [Fact]
    public async Task Party_AnalysesItsOwnPositionOnly()
    {
        await using var f = await CreateAsync();
        var a = await f.Service.ReadAsync(f.Id, s => TalksAnalysis.Run(s, Party("UA")));
        Assert.Equal(["UA"], a.Parties);
        Assert.Equal([40.0], Reservations(a));
        Assert.NotNull(a.Result!["nash"]);
    }

    [Fact]
    public async Task Mediator_AnalysesOnlyWhatWasDisclosed()
    {
        await using var f = await CreateAsync();
        var before = await f.Service.ReadAsync(f.Id, s => TalksAnalysis.Run(s, Mediator));
        Assert.Empty(before.Parties);

        await f.Do(Party("UA"), (s, c) => TalksRules.Disclose(s, c, weights: true, scores: true, reservation: false, ["UA-not-moscow"], ""));
        await f.Do(Party("RU"), (s, c) => TalksRules.Disclose(s, c, weights: true, scores: true, reservation: true, null, ""));
        await f.Do(Party("EU"), (s, c) => TalksRules.Disclose(s, c, weights: false, scores: false, reservation: true, null, ""));
        var a = await f.Service.ReadAsync(f.Id, s => TalksAnalysis.Run(s, Mediator));

        Assert.Equal(["UA", "RU"], a.Parties);
        // UA's reservation (40) was not disclosed: the scale's minimum stands in; RU's (55) was.
        Assert.Equal([0.0, 55.0], Reservations(a));
        Assert.Contains(a.Basis, b => b.StartsWith("EU:", StringComparison.Ordinal) && b.Contains("not analysed", StringComparison.Ordinal));
        // RU's undisclosed red lines (T in [T3,T4], G not in [G4,G5]) do not constrain the mediator's zone: a UA-favoured package with T1 is in it.
        Assert.NotEmpty(a.Result!["pareto"]!.AsArray());
        // Only disclosed red lines go in: UA's one, none of RU's.
        Assert.Equal(["UA-not-moscow"], a.Result["parties"]!.AsArray().SelectMany(p => p!["redLines"]!.AsArray()).Select(l => l!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Analysis_IsTheOneBargainingShape_OfItsOwnSolvedResult()
    {
        await using var f = await CreateAsync();
        var a = await f.Service.ReadAsync(f.Id, s => TalksAnalysis.Run(s, Party("UA")));

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(Parley.Bargaining.BargainingJson.Of(a.Solved!), a.Result));
        Assert.Equal(a.Solved!.Outcomes, a.Result!["outcomes"]!.GetValue<double>());
    }

    private static double[] Reservations(AnalysisView a) => [.. a.Result!["parties"]!.AsArray().Select(p => p!["reservation"]!.GetValue<double>())];

    [Fact]
    public async Task Observer_MayNotRunAnalyses()
    {
        await using var f = await CreateAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Service.ReadAsync(f.Id, s => TalksAnalysis.Run(s, Observer)));
    }
}
