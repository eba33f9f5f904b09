using Parley.Model;
using Parley.Negotiation.Simulation;
using Parley.Scenarios;

namespace Parley.Tests.Negotiation;

/// <summary>
/// Deadlines with consequences in the negotiation lens: a <c>pressure</c> deadline applies a pressure step
/// (<c>retry.pressure</c>: the flagship's sanctions erode Russia's BATNA and soften its red lines) to the parties it
/// presses on its date — at the start when it passed before — so it makes agreement more likely, and the sooner the more.
/// </summary>
public sealed class DeadlinePressureTests
{
    private const long Runs = 3000;
    private static readonly Scenario Flagship = ScenarioLoader.LoadOrThrow(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship.yaml");

    private static Scenario WithAug8(DateOnly? date) => Flagship with
    {
        Process = Flagship.Process! with
        {
            Deadlines = date is { } d
                ? Flagship.Process.Deadlines.Select(x => x.Id == "D-aug8" ? x with { Date = d } : x).ToValueList()
                : Flagship.Process.Deadlines.Where(x => x.Id != "D-aug8").ToValueList(),
        },
    };

    private static double AgreedShare(Scenario scenario, SensitivityKnobs? knobs = null)
    {
        var plan = SimulationPlan.Compile(scenario, SimulationSpec.Of(scenario));
        var tally = StagedForecast.Run(plan, 11, Runs, threads: 2, knobs: knobs);
        return tally.AgreedBy(plan.HorizonDays) / (double)tally.Runs;
    }

    [Fact]
    public void PressureDeadline_RaisesPAgreement_AndSoonerRaisesItMore()
    {
        var without = AgreedShare(WithAug8(null));
        var late = AgreedShare(WithAug8(new DateOnly(2026, 3, 1)));       // inside the horizon, months after the start
        var passed = AgreedShare(Flagship);                               // Aug 8: before the Aug 19 start, applied at the start

        Assert.True(late > without, $"P(agreement) with a future pressure deadline {late} should exceed {without} without it");
        Assert.True(passed > late, $"applied at the start ({passed}) it should act more than months later ({late})");
    }

    [Fact]
    public void PressureDeadline_IsDeterministic_AndShiftingItByTheKnobEqualsMovingIt()
    {
        var moved = WithAug8(new DateOnly(2025, 9, 15));
        var plan = SimulationPlan.Compile(moved, SimulationSpec.Of(moved));
        var index = moved.Process!.Deadlines.Select((d, i) => (d, i)).Single(x => x.d.Id == "D-aug8").i;
        var shifted = StagedForecast.Run(plan, 5, 400, threads: 1, knobs: SensitivityKnobs.None with { ShiftedDeadline = index, DeadlineShift = 14 });
        var later = WithAug8(new DateOnly(2025, 9, 29));
        var direct = StagedForecast.Run(SimulationPlan.Compile(later, SimulationSpec.Of(later)), 5, 400, threads: 2);
        Assert.Equal(direct.AgreedBy(plan.HorizonDays), shifted.AgreedBy(plan.HorizonDays));
        Assert.Equal(direct.SucceededBy(0, plan.HorizonDays), shifted.SucceededBy(0, plan.HorizonDays));
    }

    [Fact]
    public void Sensitivity_HasARowPerDeadlineTheSimulationActsOn()
    {
        var plan = SimulationPlan.Compile(Flagship, SimulationSpec.Of(Flagship));
        var factors = SensitivityKnobs.FactorsFor(plan).Select(f => f.Factor).ToList();
        Assert.Contains($"deadline D-aug8 moved ±{SensitivityKnobs.DeadlineShiftDays} days", factors);
        Assert.Contains($"deadline D-two-weeks moved ±{SensitivityKnobs.DeadlineShiftDays} days", factors);
        Assert.Equal(SensitivityKnobs.Factors.Count + 2, factors.Count);
    }
}
