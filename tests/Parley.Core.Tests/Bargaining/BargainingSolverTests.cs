using Parley.Bargaining;

namespace Parley.Core.Tests.Bargaining;

public sealed class BargainingSolverTests
{
    [Fact]
    public void Solve_RuUaWithoutRedLines_GivesBriefCheckValue()
    {
        var result = BargainingSolver.Solve(Flagship.Scenario, new BargainingOptions { Parties = ["RU", "UA"], RedLines = false });

        Assert.Equal(9216, result.Outcomes);
        Assert.NotNull(result.Nash);
        Assert.Equal("C1|T4|G3|S3|Q3|V3", result.Nash.Label);
        Assert.Equal(65.5, result.Nash.Parties[0].Utility);
        Assert.Equal(50.0, result.Nash.Parties[1].Utility);
        Assert.Equal("RU", result.Nash.Parties[0].PartyId);
        Assert.Equal(10.5, result.Nash.Parties[0].Gain, 12);
        Assert.Equal(10.0, result.Nash.Parties[1].Gain, 12);
    }

    [Fact]
    public void Solve_FlagshipFourPartiesWithRedLines_ZoneEmptyAndOnlyTerritorialDropsReopen()
    {
        var result = BargainingSolver.Solve(Flagship.Scenario, new BargainingOptions { Parties = ["RU", "UA", "US", "EU"] });

        Assert.Equal(0, result.AgreementZone);
        Assert.Null(result.Nash);
        var diagnosis = result.Diagnosis!;
        Assert.True(diagnosis.RedLinesAloneIncompatible);
        Assert.Contains(diagnosis.Conflicts, c => c.SequenceEqual(["RU-donbas", "UA-no-withdrawal"]));
        var singles = diagnosis.Relaxations.Where(r => r.Drop.Count == 1).Select(r => r.Drop[0]).ToList();
        Assert.Equal(["RU-donbas", "UA-no-withdrawal"], singles);
        Assert.All(diagnosis.Relaxations.Where(r => r.Drop.Count == 1), r =>
        {
            Assert.True(r.AgreementZone > 0);
            Assert.NotNull(r.Nash);
        });
        Assert.Empty(diagnosis.ReservationCuts);
    }

    [Fact]
    public void Solve_DefaultParties_LeavesOptionalNatoOut()
    {
        var result = BargainingSolver.Solve(Flagship.Scenario);

        Assert.Equal(["RU", "UA", "US", "EU"], result.Parties);
    }
}
