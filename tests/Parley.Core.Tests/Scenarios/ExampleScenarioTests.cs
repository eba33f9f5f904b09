using Parley.Model;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Core.Tests.Scenarios;

/// <summary>The classic examples load and carry the numbers their comments state.</summary>
public sealed class ExampleScenarioTests
{
    private static Scenario Load(string name)
    {
        var result = ScenarioLoader.Load(File.ReadAllBytes(TestPaths.Example(name)), name);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return result.Scenario!;
    }

    [Fact]
    public void JobOffer_SalaryValueFunctionAndUtilities()
    {
        var s = Load("job-offer.yaml");

        Assert.Equal(["salary60", "salary65", "salary70", "salary75", "salary80", "salary85", "salary90"], s.FindIssue("salary")!.Options.Select(o => o.Id));
        Assert.Equal(7 * 5 * 3 * 2, s.PackageCount);
        var cand = s.PreferencesOf("CAND")!;
        var emp = s.PreferencesOf("EMP")!;
        Assert.Equal([0, 25, 50, 67.5, 85, 92.5, 100], cand.Scores[0].Values);
        Assert.Equal([100, 100, 80, 40, 0], emp.Scores[1].Values);

        // salary 75, 2 remote days, start in one month, senior analyst:
        // CAND .5·67.5 + .2·70 + .1·100 + .2·30 = 63.75; EMP .45·60 + .15·80 + .25·70 + .15·100 = 71.5.
        int[] package = [3, 2, 1, 0];
        Assert.Equal(63.75, cand.Utility(package), 9);
        Assert.Equal(71.5, emp.Utility(package), 9);
        Assert.Equal("if title == lead then salary in [salary75, salary80, salary85, salary90]", emp.RedLines[1].Rule.ToString());
    }

    [Fact]
    public void PrisonersDilemma_StatementsGiveTheStandardOrder()
    {
        var s = Load("prisoners-dilemma.yaml");
        var conflict = s.Conflict!;

        Assert.Equal(["p1_defect", "p2_defect"], conflict.AllOptions.Select(o => o.Id));
        Assert.Empty(conflict.StatusQuo!);

        // Priority scores 2^(P−i−1) per satisfied statement: P1 ranks YN > NN > YY > NY.
        var p1 = conflict.DecisionMakers[0].Preferences.Statements!;
        int Score(bool d1, bool d2) => p1.Select((st, i) => st.Evaluate(a => ((OptionTaken)a).Option == "p1_defect" ? d1 : d2) ? 1 << (p1.Count - i - 1) : 0).Sum();
        Assert.Equal([3, 2, 1, 0], new[] { Score(true, false), Score(false, false), Score(true, true), Score(false, true) });
    }
}
