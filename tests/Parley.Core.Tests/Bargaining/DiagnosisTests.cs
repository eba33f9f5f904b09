using CsCheck;
using Parley.Bargaining;

namespace Parley.Core.Tests.Bargaining;

public sealed class DiagnosisTests
{
    [Fact]
    public void ReservationsTooHigh_ConflictNamesBothAndCutsAreTight()
    {
        var table = UtilityTable.FromScenario(Flagship.Scenario, ["RU", "UA"], redLines: false).WithReservations([70, 60]);

        var result = BargainingSolver.Solve(table);

        Assert.Equal(0, result.AgreementZone);
        var d = result.Diagnosis!;
        Assert.False(d.RedLinesAloneIncompatible);
        Assert.Equal(["RU:reservation", "UA:reservation"], Assert.Single(d.Conflicts));
        Assert.Empty(d.Relaxations);
        var ru = Assert.Single(d.ReservationCuts, c => !c.Uniform && c.Parties[0] == "RU");
        Assert.Equal(11.5, ru.Cuts[0], 9); // UA ≥ 60 leaves RU at most 58.5 (C1|T4|G5|S3|Q3|V5)
        Assert.True(ru.AgreementZone > 0);
        Assert.NotNull(ru.Nash);
    }

    [Fact]
    public void RandomEmptyZones_RelaxationsAndCutsAreMinimalAndReopen() =>
        RandomTables.Small.Where(t => BruteForce.ZoneCount(t) == 0).Sample(table =>
        {
            var d = BargainingSolver.Solve(table).Diagnosis!;

            foreach (var relaxation in d.Relaxations)
            {
                Assert.True(BruteForce.ZoneCount(table.WithoutRedLines(relaxation.Drop)) > 0);
                Assert.Equal(BruteForce.ZoneCount(table.WithoutRedLines(relaxation.Drop)), relaxation.AgreementZone);
                foreach (var keep in relaxation.Drop)
                {
                    Assert.Equal(0, BruteForce.ZoneCount(table.WithoutRedLines(relaxation.Drop.Where(x => x != keep))));
                }
            }

            foreach (var cut in d.ReservationCuts)
            {
                double[] Lowered(double slack) => [.. table.Parties.Select(p =>
                    cut.Parties.Contains(p.Id) ? p.Reservation - cut.Cuts[cut.Parties.ToList().IndexOf(p.Id)] + slack : p.Reservation)];
                Assert.True(BruteForce.ZoneCount(table.WithReservations(Lowered(0))) > 0);
                Assert.Equal(0, BruteForce.ZoneCount(table.WithReservations(Lowered(1e-3))));
            }

            foreach (var conflict in d.Conflicts)
            {
                Assert.NotEmpty(conflict);
            }

            Assert.Equal(d.RedLinesAloneIncompatible, BruteForce.ZoneCount(table.WithReservations([.. table.Parties.Select(_ => double.NegativeInfinity)])) == 0);
        }, iter: 100);
}
