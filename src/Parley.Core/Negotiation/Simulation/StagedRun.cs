using Parley.Model;
using Parley.Negotiation.Protocols;

namespace Parley.Negotiation.Simulation;

/// <summary>
/// One simulated run of the staged talks. Every random draw comes from a stream derived from
/// (seed, run, purpose), so a run's result depends on nothing but those three and the knobs.
/// </summary>
internal static class StagedRun
{
    private const ulong TagWeights = 1, TagScores = 2, TagReservation = 3, TagErosion = 4, TagRedLines = 5, TagStrategy = 6,
        TagDelay = 7, TagRoundDays = 8, TagDuration = 9, TagSuccess = 10, TagRetry = 11, TagSession = 12, TagSample = 13;

    public static RunOutcome Run(SimulationPlan plan, ulong seed, long run, SensitivityKnobs knobs, List<SessionTraceRecord>? traces = null)
    {
        var scenario = plan.Scenario;
        var spec = plan.Spec;
        var issues = scenario.Issues;
        var result = new RunOutcome(plan.Stages.Length, issues.Count);
        var parties = SampleParties(plan, seed, run, knobs, out var erosion, out var firmUntil);
        var horizon = (double)plan.HorizonDays;
        var settled = new int[issues.Count];
        Array.Fill(settled, -1);
        for (var s = 0; s < plan.Stages.Length; s++)
        {
            var stage = plan.Stages[s];
            if (stage.Status == StageStatus.Done)
            {
                result.Opened[s] = 0;
                result.Succeeded[s] = 0;
                continue;
            }

            if (stage.After.Any(a => double.IsNaN(result.Succeeded[a])))
            {
                continue;
            }

            var ready = stage.After.Length == 0 ? 0 : stage.After.Max(a => result.Succeeded[a]);
            var open = stage.Status == StageStatus.Open ? 0
                : ready + (Draw(stage.Settings.DelayDays!, seed, run, TagDelay, s) * knobs.Delay);
            for (var attempt = 0; ; attempt++)
            {
                if (open > horizon)
                {
                    break;
                }

                if (attempt == 0)
                {
                    result.Opened[s] = open;
                }

                var (success, end) = stage.Negotiates
                    ? Negotiate(plan, stage, s, attempt, open, parties, erosion, firmUntil, settled, seed, run, knobs, traces)
                    : Happen(stage, s, attempt, open, seed, run);
                if (success)
                {
                    if (end <= horizon)
                    {
                        result.Succeeded[s] = end;
                    }

                    break;
                }

                if (attempt >= spec.Retry.Max || (attempt == 0 && stage.DeadlineCloses && end >= (stage.DeadlineDay ?? double.MaxValue)))
                {
                    // The first stage to fail for good is where the talks ended; independent branches still run.
                    result.FailedStage = result.FailedStage < 0 ? s : result.FailedStage;
                    break;
                }

                open = end + (Draw(spec.Retry.AfterDays, seed, run, TagRetry, (s * 1024) + attempt) * knobs.Delay);
            }
        }

        var a = plan.AgreementStageIndex;
        if (!double.IsNaN(result.Succeeded[a]))
        {
            result.AgreementDay = result.Succeeded[a];
            settled.CopyTo(result.Package, 0);
        }

        return result;
    }

    private static (bool Success, double End) Happen(StagePlan stage, int s, int attempt, double open, ulong seed, long run)
    {
        var duration = Draw(stage.Settings.DurationDays!, seed, run, TagDuration, (s * 1024) + attempt);
        var rng = SplitMix64.For(seed, run, TagSuccess + ((ulong)((s * 1024) + attempt) << 8));
        return (rng.NextDouble() < (stage.Settings.Success ?? 1), open + duration);
    }

    private static (bool Success, double End) Negotiate(SimulationPlan plan, StagePlan stage, int s, int attempt, double open, PartyModel[] parties,
        double[] erosion, double[][] firmUntil, int[] settled, ulong seed, long run, SensitivityKnobs knobs, List<SessionTraceRecord>? traces)
    {
        var space = stage.Space!;
        var views = new IUtilityView[stage.Table.Length];
        var agents = new INegotiator[stage.Table.Length];
        for (var i = 0; i < stage.Table.Length; i++)
        {
            var p = stage.Table[i];
            var model = parties[p];
            var reservation = model.Reservation - (erosion[p] * open / 7.0);
            var firm = firmUntil[p].Select(until => until > open).ToArray();
            views[i] = model.View(space, (int[])settled.Clone(), reservation, firm, SplitMix64.Mix(seed ^ (ulong)run ^ TagSample));
            // The same stream per (run, party) gives the party the same sampled strategy parameters at every stage.
            var strategyRng = SplitMix64.For(seed, run, TagStrategy + ((ulong)p << 8));
            agents[i] = plan.Spec.StrategyOf(model.PartyId).Create(ref strategyRng, knobs.Exponent);
        }

        var roundDays = Math.Max(1e-6, Draw(stage.Settings.RoundDays!, seed, run, TagRoundDays, (s * 1024) + attempt));
        var rules = new SessionRules(stage.Settings.Rounds ?? 20, roundDays, open, attempt == 0 ? stage.DeadlineDay : null);
        IProtocol protocol = stage.Protocol switch
        {
            ProtocolKind.MediatedVeto => new MediatedSingleTextProtocol(veto: true),
            ProtocolKind.MediatedHillClimbing => new MediatedSingleTextProtocol(veto: false),
            _ => AlternatingOffersProtocol.Instance,
        };
        var trace = traces is null ? null : new SessionTrace();
        var outcome = protocol.Run(agents, views, rules, SplitMix64.For(seed, run, TagSession + ((ulong)((s * 1024) + attempt) << 8)), trace);
        if (trace is not null)
        {
            traces!.Add(SessionTraceExport.ToRecord(trace, outcome, views, plan.Scenario.Issues, stage.Id, attempt, ProtocolName(stage.Protocol), open));
        }

        if (outcome.Agreement)
        {
            for (var j = 0; j < space.IssueCount; j++)
            {
                settled[space.IssueIndices[j]] = space.Option(outcome.Package, j);
            }
        }

        return (outcome.Agreement, outcome.EndDay);
    }

    internal static string ProtocolName(ProtocolKind kind) => kind switch
    {
        ProtocolKind.MediatedVeto => "mediated-veto",
        ProtocolKind.MediatedHillClimbing => "mediated-hill-climbing",
        _ => "alternating",
    };

    private static double Draw(Distribution d, ulong seed, long run, ulong tag, int index)
    {
        var rng = SplitMix64.For(seed, run, tag + ((ulong)index << 8));
        return Math.Max(0, d.Sample(ref rng));
    }

    private static PartyModel[] SampleParties(SimulationPlan plan, ulong seed, long run, SensitivityKnobs knobs, out double[] erosion, out double[][] firmUntil)
    {
        var u = plan.Spec.Uncertainty;
        var scale = plan.Scenario.Scale;
        var result = new PartyModel[plan.Parties.Length];
        erosion = new double[plan.Parties.Length];
        firmUntil = new double[plan.Parties.Length][];
        for (var p = 0; p < plan.Parties.Length; p++)
        {
            var declared = plan.Parties[p];
            var tag = (ulong)p << 8;
            var weights = declared.Weights;
            var concentration = u.WeightConcentration / (knobs.WeightNoise * knobs.WeightNoise);
            if (u.WeightConcentration > 0 && knobs.WeightNoise > 0)
            {
                // Dirichlet(κ·w): mean w, spread shrinking as κ grows; zero weights stay zero.
                var rng = SplitMix64.For(seed, run, TagWeights + tag);
                var draws = weights.Select(w => w > 0 ? rng.NextGamma(concentration * w) : 0).ToArray();
                var sum = draws.Sum();
                weights = sum > 0 ? [.. draws.Select(d => d / sum)] : weights;
            }

            var scores = declared.Scores;
            if (u.ScoreNoise > 0 && knobs.ScoreNoise > 0)
            {
                var rng = SplitMix64.For(seed, run, TagScores + tag);
                var sd = u.ScoreNoise * knobs.ScoreNoise;
                scores = [.. declared.Scores.Select(issue => issue.Select(v => Math.Clamp(v + (sd * rng.NextNormal()), scale.Min, scale.Max)).ToArray())];
            }

            var reservation = declared.Reservation + Draw0(u.ReservationShift, seed, run, TagReservation + tag) + knobs.ReservationOffset;
            erosion[p] = Math.Max(0, Draw0(u.ErosionPerWeek, seed, run, TagErosion + tag)) * knobs.Erosion;
            var lines = declared.RedLines;
            firmUntil[p] = new double[lines.Length];
            for (var r = 0; r < lines.Length; r++)
            {
                var firmness = u.FirmnessOf(lines[r].Id);
                var rng = SplitMix64.For(seed, run, TagRedLines + tag + ((ulong)r << 24));
                var firmDraw = rng.NextDouble();
                var timeDraw = rng.NextOpen();
                var hazard = Math.Min(1, firmness.SofteningPerWeek * knobs.Hazard);
                if (firmDraw >= Math.Clamp(firmness.Firm + knobs.FirmOffset, 0, 1))
                {
                    firmUntil[p][r] = 0;
                }
                else if (hazard <= 0)
                {
                    firmUntil[p][r] = double.PositiveInfinity;
                }
                else
                {
                    // Weekly hazard h: survival (1 − h) per week, i.e. an exponential time with rate −ln(1 − h) per week.
                    firmUntil[p][r] = hazard >= 1 ? 0 : 7.0 * -Math.Log(timeDraw) / -Math.Log(1 - hazard);
                }
            }

            result[p] = new PartyModel(declared.PartyId, weights, scores, reservation, lines);
        }

        return result;
    }

    private static double Draw0(Distribution d, ulong seed, long run, ulong tag)
    {
        var rng = SplitMix64.For(seed, run, tag);
        return d.Sample(ref rng);
    }
}
