namespace Parley.Negotiation.Simulation;

/// <summary>What happened in one staged run (days since the simulation start; NaN = never within the horizon).</summary>
internal sealed class RunOutcome(int stages, int issues)
{
    /// <summary>Per stage, when it first opened.</summary>
    public double[] Opened { get; } = Filled(stages);

    /// <summary>Per stage, when it succeeded.</summary>
    public double[] Succeeded { get; } = Filled(stages);

    /// <summary>Per scenario issue, the settled option when the agreement stage succeeded, else −1.</summary>
    public int[] Package { get; } = [.. Enumerable.Repeat(-1, issues)];

    public double AgreementDay { get; set; } = double.NaN;

    /// <summary>The stage at which the run finally failed, or −1 (agreement, or still running at the horizon).</summary>
    public int FailedStage { get; set; } = -1;

    /// <summary>Pressure steps taken (one per stall the talks recovered from).</summary>
    public int PressureSteps { get; set; }

    private static double[] Filled(int n) => [.. Enumerable.Repeat(double.NaN, n)];
}
