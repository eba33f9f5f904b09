using Parley.Negotiation;
using Parley.Negotiation.Simulation;

namespace Parley.Tests.Negotiation;

/// <summary>The brief's "any stage → F; F → S1 after a pressure step" (retry: restart_from, deadline_days, pressure).</summary>
public class StagedRetryTests
{
    // Short sessions and noisy reservations so that stages fail often enough to stall.
    private const string Simulation = """
        simulation:
          start: 2025-01-01
          horizon_days: 400
          defaults: {rounds: 3, delay_days: 1, strategy: "time:e=loguniform(0.05, 3)"}
          uncertainty:
            score_noise: 20
            reservation_shift: triangular(-10, 10, 30)
          retry:
            after_days: 10
            max: 2
            restart_from: S2
        """;

    private static SimulationPlan Plan(string simulation = Simulation, bool s1Done = false)
    {
        var scenario = SimulationTestScenarios.Load(simulation, s1Done);
        return SimulationPlan.Compile(scenario, SimulationSpec.Of(scenario));
    }

    private static IEnumerable<(SessionTraceRecord Failed, SessionTraceRecord Next)> Stalls(RunTrace trace) =>
        trace.Sessions.Zip(trace.Sessions.Skip(1)).Where(p => p.First.Agreement is null);

    [Fact]
    public void Stall_ReturnsToTheRestartStageAfterThePressureStep_AndReRunsLaterStages()
    {
        var plan = Plan();
        var s3Stalls = 0;
        for (long run = 0; run < 200; run++)
        {
            var trace = StagedForecast.Trace(plan, 3, run);
            foreach (var (failed, next) in Stalls(trace))
            {
                // Restart stage S2 opens exactly after_days after the failure (delay knob 1), whichever stage failed.
                Assert.Equal("S2", next.Stage);
                Assert.Equal(failed.EndDay + 10, next.OpenDay, 9);
                if (failed.Stage == "S3" && next.Agreement is not null)
                {
                    // S2 agreed again, so S3 is re-run after it.
                    var after = trace.Sessions.SkipWhile(s => !ReferenceEquals(s, next)).Skip(1).FirstOrDefault();
                    Assert.True(after is { Stage: "S3" } && after.OpenDay >= next.EndDay, $"run {run}: S3 not re-run after the restart");
                    s3Stalls++;
                }
            }
        }

        Assert.True(s3Stalls > 0, "the case never stalls at S3 and restarts: the test would be vacuous");
    }

    [Fact]
    public void FailedStageMode_ReopensOnlyTheStalledStage()
    {
        var plan = Plan(Simulation.Replace("restart_from: S2", "restart_from: failed-stage", StringComparison.Ordinal));
        var stalls = 0;
        for (long run = 0; run < 200; run++)
        {
            foreach (var (failed, next) in Stalls(StagedForecast.Trace(plan, 3, run)))
            {
                Assert.Equal(failed.Stage, next.Stage);
                Assert.Equal(failed.EndDay + 10, next.OpenDay, 9);
                stalls++;
            }
        }

        Assert.True(stalls > 0);
    }

    [Fact]
    public void DoneStages_StayDone_DefaultRestartFromTheFirstStage()
    {
        // No restart_from: the brief's F → S1. S1 is done, so the talks resume at S2 right after the pressure step.
        var plan = Plan(Simulation.Replace("    restart_from: S2\n", "", StringComparison.Ordinal), s1Done: true);
        var stalls = 0;
        for (long run = 0; run < 200; run++)
        {
            var trace = StagedForecast.Trace(plan, 5, run);
            Assert.Equal(new StageTiming("S1", 0, 0), trace.Stages[0]);
            Assert.DoesNotContain(trace.Sessions, s => s.Stage == "S1");
            foreach (var (failed, next) in Stalls(trace))
            {
                Assert.Equal("S2", next.Stage);
                Assert.Equal(failed.EndDay + 10, next.OpenDay, 9);
                stalls++;
            }
        }

        Assert.True(stalls > 0);
    }

    [Fact]
    public void PressureStep_IsAppliedOncePerStall_AtMostMaxTimes()
    {
        var plan = Plan();
        var sessions = new List<SessionTraceRecord>();
        var total = 0;
        for (long run = 0; run < 200; run++)
        {
            sessions.Clear();
            var outcome = StagedRun.Run(plan, 3, run, SensitivityKnobs.None, sessions);
            var stalls = sessions.Zip(sessions.Skip(1)).Count(p => p.First.Agreement is null);
            Assert.Equal(stalls, outcome.PressureSteps);
            Assert.InRange(outcome.PressureSteps, 0, 2);
            total += outcome.PressureSteps;
        }

        Assert.True(total > 0);
    }

    [Fact]
    public void PressureStep_ErodingReservations_RaisesAgreement()
    {
        // Common random numbers: the same runs with and without a pressure step that makes any package acceptable.
        var without = StagedForecast.Run(Plan(), 8, 400);
        var with = StagedForecast.Run(Plan(Simulation + "\n    pressure: {reservation_shift: -200}"), 8, 400);

        Assert.True(with.AgreedBy(400) > without.AgreedBy(400), $"{with.AgreedBy(400)} vs {without.AgreedBy(400)}");
    }

    [Fact]
    public void RedLineClocks_BoostCarriesTheRemainingExposureOver()
    {
        var clocks = new RedLineClocks(1);
        var h = 0.1;
        var rate = -Math.Log(1 - h);
        clocks.Set(0, [h, h, 0], [1.0, double.NaN, 2.0]);
        Assert.Equal(7.0 / rate, clocks.FirmUntil[0][0], 9);
        Assert.Equal(0, clocks.FirmUntil[0][1]);
        Assert.Equal(double.PositiveInfinity, clocks.FirmUntil[0][2]);

        clocks.Boost(0, 7, 0.2);
        var raised = -Math.Log(1 - 0.3);
        // One week at the old rate used `rate` of the unit exposure; the rest goes at the raised rate.
        Assert.Equal(7 + (7.0 * (1 - rate) / raised), clocks.FirmUntil[0][0], 9);
        Assert.Equal(0, clocks.FirmUntil[0][1]);
        Assert.Equal(7 + (7.0 * 2.0 / -Math.Log(1 - 0.2)), clocks.FirmUntil[0][2], 9);
    }

    [Fact]
    public void SameSeed_SameResultOnOneOrTwoThreads()
    {
        var plan = Plan(Simulation + """

                deadline_days: triangular(3, 7, 14)
                pressure:
                  reservation_shift: triangular(-8, -4, 0)
                  softening_boost: 0.05
                  parties: [A]
            """);
        var date = new DateOnly(2025, 4, 1);
        var one = StagedForecast.Report(plan, StagedForecast.Run(plan, 42, 700, threads: 1), date);
        var two = StagedForecast.Report(plan, StagedForecast.Run(plan, 42, 700, threads: 2), date);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(one), System.Text.Json.JsonSerializer.Serialize(two));
    }
}
