using Parley.Model;
using Parley.Negotiation.Tournaments;
using Parley.Scenarios;

namespace Parley.Tests.Negotiation;

public class TournamentTests
{
    private static readonly Scenario Flagship = ScenarioLoader.LoadOrThrow(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship");

    private static TournamentSpec Spec(string yaml) => TournamentSpecReader.Read(System.Text.Encoding.UTF8.GetBytes(yaml), "t.yaml").Spec!;

    [Fact]
    public void Sessions_EveryAssignmentOfStrategiesToRolesTimesRepetitions()
    {
        var spec = Spec("strategies: [boulware, linear, micro]\nrepetitions: 2\ndomains: [{scenario: x.yaml}]\n");
        var domain = TournamentDomain.FromScenario("d", Flagship, ["RU", "UA"]);
        var sessions = Tournament.Sessions(spec, [domain]);

        Assert.Equal(3 * 3 * 2, sessions.Count);
        Assert.Equal(sessions.Count, sessions.Select(s => s.Key).Distinct().Count());
        Assert.Contains(sessions, s => s.Key == "d|micro,boulware|1");
        Assert.Contains(sessions, s => s.Key == "d|boulware,micro|1");
    }

    [Fact]
    public void RunSession_IsAFunctionOfSeedAndKey()
    {
        var spec = Spec("seed: 4\nrounds: 40\nstrategies: [random, linear]\ndomains: [{scenario: x.yaml}]\n");
        var domain = TournamentDomain.FromScenario("d", Flagship, ["RU", "UA"], redLines: false);
        var sessions = Tournament.Sessions(spec, [domain]);
        var forward = sessions.Select(s => Tournament.RunSession(spec, domain, s)).ToList();
        var backward = sessions.Reverse().Select(s => Tournament.RunSession(spec, domain, s)).Reverse().ToList();

        Assert.Equal(forward, backward);
        var reseeded = Spec("seed: 5\nrounds: 40\nstrategies: [random, linear]\ndomains: [{scenario: x.yaml}]\n");
        Assert.NotEqual(forward, sessions.Select(s => Tournament.RunSession(reseeded, domain, s)).ToList());
    }

    [Fact]
    public void RunSession_Disagreement_ScoresTheReservationValues()
    {
        var spec = Spec("rounds: 20\nstrategies: [hardliner]\ndomains: [{scenario: x.yaml}]\n");
        var domain = TournamentDomain.FromScenario("d", Flagship, ["RU", "UA"]);
        var result = Tournament.RunSession(spec, domain, Tournament.Sessions(spec, [domain])[0]);

        Assert.False(result.Agreement);
        Assert.Equal([55.0, 40.0], result.Utilities);
        Assert.Equal(95, result.Welfare);
        Assert.Equal("deadline", result.Reason);
    }

    [Fact]
    public void RunSession_GeniusDiscountFactor_DiscountsWhatEachPartyGets_ByNormalisedTime()
    {
        var table = Bargaining.UtilityTable.FromScenario(Flagship, ["RU", "UA"], redLines: false);
        var discounted = table with { Parties = table.Parties.Select((p, i) => p with { DiscountFactor = i == 0 ? 0.5 : 0.8 }).ToValueList() };
        double[] factors = [0.5, 0.8];

        // Disagreement at the deadline (t = 1): each gets its reservation value × d.
        var hard = Spec("rounds: 20\nstrategies: [hardliner]\ndomains: [{scenario: x.yaml}]\n");
        var d = TournamentDomain.FromTable("d", discounted);
        var none = Tournament.RunSession(hard, d, Tournament.Sessions(hard, [d])[0]);
        Assert.False(none.Agreement);
        Assert.Equal([55.0 * 0.5, 40.0 * 0.8], none.Utilities);

        // An agreement at round r of 40: u·d^(r/40); the same session without discounting gives u.
        var spec = Spec("rounds: 40\nstrategies: [linear]\ndomains: [{scenario: x.yaml}]\n");
        var plainDomain = TournamentDomain.FromTable("d", table);
        var session = Tournament.Sessions(spec, [plainDomain])[0];
        var plain = Tournament.RunSession(spec, plainDomain, session);
        var late = Tournament.RunSession(spec, TournamentDomain.FromTable("d", discounted), session);
        Assert.True(plain.Agreement);
        Assert.Equal(plain.Package, late.Package);
        Assert.Equal(plain.Rounds, late.Rounds);
        var t = plain.Rounds / 40.0;
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(Math.Round(plain.Utilities[i] * Math.Pow(factors[i], t), 6), late.Utilities[i], 6);
            Assert.True(late.Utilities[i] < plain.Utilities[i]);
        }

        // Distances are measured on the undiscounted outcome.
        Assert.Equal(plain.ParetoDistance, late.ParetoDistance);
        Assert.Equal(plain.NashDistance, late.NashDistance);
    }

    [Fact]
    public void Summarize_AveragesOverEveryRoleAStrategyPlayed()
    {
        SessionResult R(string key, string a, string b, bool agreed, double ua, double ub) =>
            new(key, "d", ValueList.Of("A", "B"), ValueList.Of(a, b), 0, agreed, null, ValueList.Of(ua, ub), 10, agreed ? "agreement" : "deadline", ua + ub, null, null);
        var rows = Tournament.Summarize([R("1", "x", "y", true, 80, 40), R("2", "y", "x", false, 30, 50), R("3", "x", "x", true, 60, 60)]);
        var x = rows.Single(r => r.Strategy == "x");

        Assert.Equal(4, x.Sessions);
        Assert.Equal((80 + 50 + 60 + 60) / 4.0, x.MeanUtility);
        Assert.Equal(0.75, x.AgreementRate);
        Assert.Equal("x", rows[0].Strategy);
    }

    [Theory]
    [InlineData("strategies: [linear, linear]\ndomains: [{scenario: x.yaml}]\n", "used twice")]
    [InlineData("strategies: [linear]\ndomains: [{file: x.yaml}]\n", "unknown key 'file' in tournament.domains")]
    [InlineData("strategies: [linear]\nrounds: 0\ndomains: [{scenario: x.yaml}]\n", "rounds")]
    [InlineData("strategies: [linear]\n", "domains")]
    [InlineData("strategies: [linear]\nlimits: {seconds: -1}\ndomains: [{scenario: x.yaml}]\n", "limits.seconds: expected a positive number of seconds")]
    public void Read_BadConfig_IsAnError(string yaml, string message)
    {
        var (spec, diagnostics) = TournamentSpecReader.Read(System.Text.Encoding.UTF8.GetBytes(yaml), "t.yaml");

        Assert.Null(spec);
        Assert.Contains(diagnostics, d => d.Severity == Severity.Error && d.Message.Contains(message, StringComparison.Ordinal));
    }
}
