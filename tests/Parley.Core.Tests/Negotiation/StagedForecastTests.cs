using Parley.Negotiation;
using Parley.Negotiation.Simulation;
using Parley.Scenarios;

namespace Parley.Tests.Negotiation;

public class StagedForecastTests
{
    private const string Uncertain = """
        simulation:
          start: 2025-01-01
          horizon_days: 120
          defaults:
            rounds: 10
            delay_days: triangular(1, 5, 20)
            strategy: time:e=loguniform(0.2, 2)
          stages:
            S1: {duration_days: 3, success: 0.8}
          uncertainty:
            score_noise: 10
            weight_concentration: 20
            reservation_shift: triangular(-10, 0, 10)
          retry: {after_days: 10, max: 2}
        """;

    private static SimulationPlan Plan(string simulation = Uncertain)
    {
        var scenario = SimulationTestScenarios.Load(simulation);
        return SimulationPlan.Compile(scenario, SimulationSpec.Of(scenario));
    }

    [Fact]
    public void Compile_MediatorSitsOnlyAtStagesFromItsEntryOn()
    {
        var plan = Plan();
        var s2 = plan.Stages.Single(s => s.Id == "S2");
        var s3 = plan.Stages.Single(s => s.Id == "S3");

        Assert.Equal(["A", "B"], s2.Table.Select(i => plan.Parties[i].PartyId));
        Assert.Equal(ProtocolKind.Alternating, s2.Protocol);
        Assert.Equal(["A", "B", "M"], s3.Table.Select(i => plan.Parties[i].PartyId));
        Assert.Equal(ProtocolKind.MediatedVeto, s3.Protocol);
    }

    [Fact]
    public void Trace_SessionsRespectGatingAndTables()
    {
        var plan = Plan();
        for (long run = 0; run < 40; run++)
        {
            var trace = StagedForecast.Trace(plan, 7, run);
            var timing = trace.Stages.ToDictionary(s => s.Stage);
            foreach (var session in trace.Sessions)
            {
                var stage = plan.Stages.Single(s => s.Id == session.Stage);
                // A stage opens only after every 'after' stage succeeded.
                foreach (var a in stage.After)
                {
                    var before = timing[plan.Stages[a].Id].Succeeded;
                    Assert.True(before is not null && before <= session.OpenDay, $"run {run}: {session.Stage} opened at {session.OpenDay} before {plan.Stages[a].Id} succeeded ({before})");
                }

                Assert.Equal(session.Stage == "S3", session.Parties.Contains("M"));
                Assert.All(session.Moves.Where(m => m.Party != "mediator"), m => Assert.Contains(m.Party, session.Parties));
            }
        }
    }

    [Fact]
    public void Run_FirstStageNeverSucceeds_LaterStagesNeverOpen()
    {
        var plan = Plan(Uncertain.Replace("success: 0.8", "success: 0", StringComparison.Ordinal));
        var tally = StagedForecast.Run(plan, 1, 300);

        Assert.Equal(300, tally.OpenedBy(0, 120));
        Assert.Equal(0, tally.OpenedBy(1, 120));
        Assert.Equal(0, tally.OpenedBy(2, 120));
        Assert.Equal(300, tally.FailedAt(0));
    }

    [Fact]
    public void Run_SameSeed_SameTallyOnOneThreadOrMany()
    {
        var plan = Plan();
        var date = new DateOnly(2025, 3, 1);
        var one = StagedForecast.Report(plan, StagedForecast.Run(plan, 42, 1000, threads: 1), date);
        var many = StagedForecast.Report(plan, StagedForecast.Run(plan, 42, 1000, threads: 4), date);
        var other = StagedForecast.Report(plan, StagedForecast.Run(plan, 43, 1000, threads: 1), date);

        Assert.Equal(Json(one), Json(many));
        Assert.NotEqual(Json(one), Json(other));
    }

    [Fact]
    public void RunBatch_AnyPartitionMergesToTheWhole()
    {
        var plan = Plan();
        var date = new DateOnly(2025, 4, 1);
        var whole = StagedForecast.RunBatch(plan, 5, 0, 500);
        var parts = SimulationTally.For(plan);
        // Merge out of order: the merge is exact integer addition.
        foreach (var (from, to) in new[] { (300L, 500L), (0L, 17L), (17L, 300L) })
        {
            parts.Merge(StagedForecast.RunBatch(plan, 5, from, to));
        }

        Assert.Equal(Json(StagedForecast.Report(plan, whole, date)), Json(StagedForecast.Report(plan, parts, date)));
        Assert.Equal(500, parts.Runs);
    }

    [Fact]
    public void Snapshot_RoundTripsThroughJson()
    {
        var plan = Plan();
        var tally = StagedForecast.RunBatch(plan, 9, 0, 300);
        var json = System.Text.Json.JsonSerializer.Serialize(tally.ToSnapshot());
        var back = SimulationTally.FromSnapshot(System.Text.Json.JsonSerializer.Deserialize<SimulationTallySnapshot>(json)!);
        var date = new DateOnly(2025, 3, 1);

        Assert.Equal(Json(StagedForecast.Report(plan, tally, date)), Json(StagedForecast.Report(plan, back, date)));
    }

    [Fact]
    public void Forecast_ConvergesAsRunsGrow()
    {
        var plan = Plan();
        var date = new DateOnly(2025, 2, 15);
        var reports = new[] { 250, 1000, 8000 }.Select(n => StagedForecast.Report(plan, StagedForecast.Run(plan, 11, n, threads: 2), date)).ToList();
        var reference = reports[^1].Agreement.P;

        Assert.InRange(reference, 0.05, 0.95); // the case is not degenerate
        foreach (var r in reports)
        {
            // Each estimate's 95% interval covers the large-N reference (fixed seed: deterministic)…
            Assert.InRange(reference, r.Agreement.Low, r.Agreement.High);
        }

        // …and the intervals shrink like 1/√N.
        var widths = reports.Select(r => r.Agreement.High - r.Agreement.Low).ToList();
        Assert.True(widths[0] > 1.6 * widths[1] && widths[1] > 2.4 * widths[2], string.Join(", ", widths));
    }

    [Fact]
    public void Report_ProbabilitiesAreMonotoneInTheDate()
    {
        var plan = Plan();
        var tally = StagedForecast.Run(plan, 3, 500);
        var early = StagedForecast.Report(plan, tally, new DateOnly(2025, 1, 20));
        var late = StagedForecast.Report(plan, tally, new DateOnly(2025, 4, 20));

        Assert.True(late.Agreement.P >= early.Agreement.P);
        Assert.All(early.Stages.Zip(late.Stages), p => Assert.True(p.Second.Opened.P >= p.First.Opened.P));
        Assert.All(late.Stages.Zip(late.Stages.Skip(1)), p => Assert.True(p.First.Succeeded.P >= p.Second.Opened.P - 1e-12));
    }

    [Fact]
    public void Sensitivity_DelaysMoveTheFocusStage()
    {
        var plan = Plan(Uncertain.Replace("horizon_days: 120", "horizon_days: 120\n  focus_stage: S3", StringComparison.Ordinal));
        var rows = StagedForecast.Sensitivity(plan, 2, 400, new DateOnly(2025, 1, 25));
        var delays = rows.Single(r => r.Factor == "meeting-arrangement delays");

        Assert.True(delays.FocusLow > delays.FocusHigh, $"{delays.FocusLow} vs {delays.FocusHigh}");
        Assert.Equal(rows.Max(r => r.Swing), rows[0].Swing);
    }

    [Fact]
    public void Sensitivity_ThroughARunnerInArbitraryBatches_EqualsTheDefault()
    {
        var plan = Plan(Uncertain.Replace("horizon_days: 120", "horizon_days: 120\n  focus_stage: S3", StringComparison.Ordinal));
        var by = new DateOnly(2025, 1, 25);
        var expected = StagedForecast.Sensitivity(plan, 4, 150, by, threads: 2);
        var random = new Random(9);
        var settings = new List<SensitivityKnobs>();
        var rows = StagedForecast.Sensitivity(plan, 150, by, (knobs, runs) =>
        {
            settings.Add(knobs);
            // Uneven consecutive batches (as a cluster cuts them), merged in order.
            var tally = SimulationTally.For(plan);
            for (long from = 0; from < runs;)
            {
                var to = Math.Min(runs, from + random.Next(1, 40));
                tally.Merge(StagedForecast.RunBatch(plan, 4, from, to, knobs));
                from = to;
            }

            return tally;
        });

        Assert.Equal(expected, rows);
        Assert.Equal(SensitivityKnobs.Factors.SelectMany(f => new[] { f.LowKnobs, f.HighKnobs }), settings);
        Assert.Contains(rows, r => r.Swing > 0);
    }

    [Fact]
    public void Sensitivity_RunnerReturningTheWrongRunCount_Throws()
    {
        var plan = Plan();
        var error = Assert.Throws<InvalidOperationException>(() =>
            StagedForecast.Sensitivity(plan, 20, new DateOnly(2025, 1, 25), (knobs, runs) => StagedForecast.RunBatch(plan, 1, 0, runs - 1, knobs)));
        Assert.Contains("19 runs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wilson_MatchesTheFormula()
    {
        var p = Proportion.Of(0, 10_000);
        Assert.Equal(0, p.Low);
        Assert.InRange(p.High, 0.00038, 0.00039);
        var half = Proportion.Of(5000, 10_000);
        Assert.InRange(half.High - half.Low, 2 * 0.0097, 2 * 0.0098);
    }

    [Fact]
    public void Flagship_SimulatesWithItsSimulationSection()
    {
        var scenario = ScenarioLoader.LoadOrThrow(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship");
        var spec = SimulationSpec.Of(scenario);
        var plan = SimulationPlan.Compile(scenario, spec);
        var report = StagedForecast.Report(plan, StagedForecast.Run(plan, 1, 300, threads: 2), new DateOnly(2025, 9, 1));

        Assert.True(spec.Illustrative);
        Assert.Equal("S6", report.AgreementStage);
        Assert.Equal("S4", report.FocusStage);
        Assert.Equal(1.0, report.Stages.Single(s => s.Id == "S1").Succeeded.P);
        Assert.InRange(report.Stages.Single(s => s.Id == "S4").Opened.P, 0.01, 0.99);
    }

    [Fact]
    public void Curve_EachStagesOpenedByDate_IsTheReportByThatDate_AndNeverFalls()
    {
        var scenario = ScenarioLoader.LoadOrThrow(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship");
        var plan = SimulationPlan.Compile(scenario, SimulationSpec.Of(scenario));
        var tally = StagedForecast.Run(plan, 1, 300, threads: 2);
        var curve = StagedForecast.Report(plan, tally, new DateOnly(2025, 9, 1)).Curve;

        Assert.All(curve, c => Assert.Equal(plan.StageIds.Count, c.Opened.Count));
        foreach (var point in curve.Where((_, i) => i % 3 == 0))
        {
            var byThen = StagedForecast.Report(plan, tally, point.Date);
            Assert.Equal(byThen.Stages.Select(s => s.Opened), point.Opened);
            Assert.Equal(byThen.Agreement, point.Agreement);
        }

        Assert.All(curve.Zip(curve.Skip(1)), w => Assert.All(w.First.Opened.Zip(w.Second.Opened), p => Assert.True(p.Second.P >= p.First.P)));
        // The first stage is open from the start; the leaders' meeting (S4) is closed at the start and rises through the weeks.
        Assert.Equal(1.0, curve[0].Opened[0].P);
        var s4 = plan.StageIds.ToList().IndexOf("S4");
        Assert.Equal(0.0, curve[0].Opened[s4].P);
        Assert.Contains(curve, c => c.Opened[s4].P is > 0.01 and < 0.99);
        Assert.True(curve[^1].Opened[s4].P > 0.5);
    }

    private static string Json(object o) => System.Text.Json.JsonSerializer.Serialize(o);
}
