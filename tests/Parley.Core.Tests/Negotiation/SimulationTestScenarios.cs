using Parley.Model;
using Parley.Scenarios;

namespace Parley.Tests.Negotiation;

/// <summary>Small staged scenarios written for the simulation tests.</summary>
internal static class SimulationTestScenarios
{
    public const string Head = """
        parley: 1
        id: staged
        parties:
          - {id: A, name: A}
          - {id: B, name: B}
          - {id: M, name: Mediator, role: mediator}
        issues:
          - {id: X, name: X, options: [x1, x2, x3, x4]}
          - {id: Y, name: Y, options: [y1, y2, y3]}
        preferences:
          A:
            weights: {X: 60, Y: 40}
            scores: {X: [100, 70, 40, 0], Y: [0, 50, 100]}
            reservation: 40
          B:
            weights: {X: 50, Y: 50}
            scores: {X: [0, 40, 70, 100], Y: [100, 60, 0]}
            reservation: 40
          M:
            weights: {X: 50, Y: 50}
            scores: {X: [20, 100, 100, 20], Y: [50, 100, 50]}
            reservation: 30
        """;

    public const string Process = """
        process:
          mediator: M
          mediator_enters: S3
          stages:
            - {id: S1, name: contacts, participants: [A, B, M], after: []}
            - {id: S2, name: bilateral, participants: [A, B, M], after: [S1], agenda: [Y]}
            - {id: S3, name: trilateral, participants: [A, B, M], after: [S2], agenda: [X]}
        """;

    /// <summary>The head, <paramref name="simulation"/> and the process; <paramref name="s1Done"/> marks S1 <c>status: done</c>.</summary>
    public static Scenario Load(string simulation, bool s1Done = false)
    {
        var process = s1Done ? Process.Replace("M], after: []}", "M], after: [], status: done}", StringComparison.Ordinal) : Process;
        var text = Head + "\n" + simulation + "\n" + process + "\n";
        var result = ScenarioLoader.Load(text, "staged.yaml");
        return result.Scenario ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }
}
