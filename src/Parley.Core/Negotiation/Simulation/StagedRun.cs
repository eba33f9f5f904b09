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
        TagDelay = 7, TagRoundDays = 8, TagDuration = 9, TagSuccess = 10, TagRetry = 11, TagSession = 12, TagSample = 13, TagPressure = 14, TagDeadline = 15;

    public static RunOutcome Run(SimulationPlan plan, ulong seed, long run, SensitivityKnobs knobs, List<SessionTraceRecord>? traces = null)
    {
        var scenario = plan.Scenario;
        var retry = plan.Spec.Retry;
        var issues = scenario.Issues;
        var n = plan.Stages.Length;
        var result = new RunOutcome(n, issues.Count);
        var parties = SampleParties(plan, seed, run, knobs, out var erosion, out var clocks);
        var horizon = (double)plan.HorizonDays;
        var settled = new int[issues.Count];
        var settledBy = new int[issues.Count];
        Array.Fill(settled, -1);
        Array.Fill(settledBy, -1);
        var pressure = new double[parties.Length];
        // Per stage: success day in the current round of talks (NaN = not yet), closed for good, attempts so far, calendar deadline.
        var current = new double[n];
        Array.Fill(current, double.NaN);
        var closed = new bool[n];
        var attempts = new int[n];
        var deadline = plan.Stages.Select(st => st.DeadlineDay + knobs.ShiftOf(st.DeadlineIndex)).ToArray();
        var calendar = new CalendarSteps(plan, seed, run, knobs);
        var agreementSnapshot = (int[]?)null;
        var restartDay = 0.0;
        var reset = new bool[n];
        for (var step = 0; ; step++)
        {
            var stalled = -1;
            var stallEnd = 0.0;
            for (var s = 0; s < n && stalled < 0; s++)
            {
                var stage = plan.Stages[s];
                if (stage.Status == StageStatus.Done)
                {
                    result.Opened[s] = 0;
                    result.Succeeded[s] = 0;
                    current[s] = 0;
                    continue;
                }

                if (closed[s] || !double.IsNaN(current[s]) || stage.After.Any(a => double.IsNaN(current[a])))
                {
                    continue;
                }

                // First round of talks: as declared. After a pressure step the stages it reopens (those whose
                // prerequisites were not re-run) open on the day of the step; the others after their prerequisites and a delay.
                var ready = stage.After.Length == 0 ? 0 : stage.After.Max(a => current[a]);
                var attempt = attempts[s]++;
                double open;
                if (step == 0 && stage.Status == StageStatus.Open)
                {
                    open = 0;
                }
                else if (reset[s] && stage.After.All(a => !reset[a]))
                {
                    open = ready;
                }
                else
                {
                    open = ready + (Draw(stage.Settings.DelayDays!, seed, run, TagDelay, (s * 1024) + attempt) * knobs.Delay);
                }

                // Nothing opens while the talks are stalled, before the pressure step.
                open = step > 0 ? Math.Max(open, restartDay) : open;
                if (open > horizon)
                {
                    continue;
                }

                if (double.IsNaN(result.Opened[s]))
                {
                    result.Opened[s] = open;
                }

                var stageDeadline = deadline[s];
                deadline[s] = null;
                var before = (int[])settled.Clone();
                calendar.SoftenUpTo(open, clocks, knobs);
                var (success, end) = stage.Negotiates
                    ? Negotiate(plan, stage, s, attempt, open, stageDeadline, parties, erosion, pressure, calendar, clocks.FirmUntil, settled, seed, run, knobs, traces)
                    : Happen(stage, s, attempt, open, seed, run);
                if (success)
                {
                    if (end <= horizon)
                    {
                        current[s] = end;
                        for (var k = 0; k < settled.Length; k++)
                        {
                            settledBy[k] = before[k] < 0 && settled[k] >= 0 ? s : settledBy[k];
                        }

                        if (double.IsNaN(result.Succeeded[s]))
                        {
                            result.Succeeded[s] = end;
                        }

                        if (s == plan.AgreementStageIndex && agreementSnapshot is null)
                        {
                            agreementSnapshot = (int[])settled.Clone();
                        }
                    }
                    else
                    {
                        // Succeeds only after the horizon: never within it, and no restart brings it back.
                        closed[s] = true;
                    }

                    continue;
                }

                if (step >= retry.Max || (attempt == 0 && stage.DeadlineCloses && end >= (stage.DeadlineDay ?? double.MaxValue)))
                {
                    // The first stage to fail for good is where the talks ended; independent branches still run.
                    result.FailedStage = result.FailedStage < 0 ? s : result.FailedStage;
                    closed[s] = true;
                    continue;
                }

                // Any stage → F: the whole process stalls here until the pressure step.
                stalled = s;
                stallEnd = end;
            }

            if (stalled < 0)
            {
                break;
            }

            // F → restart stage after a pressure step.
            restartDay = stallEnd + (Draw(retry.AfterDays, seed, run, TagRetry, step) * knobs.Delay);
            if (restartDay > horizon)
            {
                break;
            }

            calendar.SoftenUpTo(restartDay, clocks, knobs);
            ApplyPressure(plan, retry, step, restartDay, seed, run, knobs, pressure, clocks);
            result.PressureSteps++;
            if (retry.DeadlineDays is { } dd)
            {
                deadline[stalled] = restartDay + Draw(dd, seed, run, TagDeadline, step);
            }

            Array.Clear(reset);
            var restart = plan.RestartStageIndex < 0 ? stalled : plan.RestartStageIndex;
            foreach (var r in plan.Downstream[restart].Concat(plan.Downstream[stalled]))
            {
                if (plan.Stages[r].Status != StageStatus.Done)
                {
                    reset[r] = true;
                    current[r] = double.NaN;
                }
            }

            for (var k = 0; k < settled.Length; k++)
            {
                if (settledBy[k] >= 0 && reset[settledBy[k]])
                {
                    settled[k] = -1;
                    settledBy[k] = -1;
                }
            }
        }

        var a = plan.AgreementStageIndex;
        if (!double.IsNaN(result.Succeeded[a]))
        {
            result.AgreementDay = result.Succeeded[a];
            // The package as it stands at the end when the first agreement held; as first signed when a restart re-opened it.
            (current[a] == result.Succeeded[a] ? settled : agreementSnapshot!).CopyTo(result.Package, 0);
        }

        return result;
    }

    /// <summary>One pressure step: reservation values move by a fresh draw and red lines soften faster, for the pressed parties.</summary>
    private static void ApplyPressure(SimulationPlan plan, RetrySpec retry, int step, double day, ulong seed, long run, SensitivityKnobs knobs,
        double[] pressure, RedLineClocks clocks)
    {
        var effect = retry.Effect;
        var shift = Draw0(effect.ReservationShift, seed, run, TagPressure + ((ulong)step << 8));
        for (var p = 0; p < pressure.Length; p++)
        {
            if (!effect.Presses(plan.Parties[p].PartyId))
            {
                continue;
            }

            pressure[p] += shift;
            if (effect.SofteningBoost > 0)
            {
                clocks.Boost(p, day, effect.SofteningBoost * knobs.Hazard);
            }
        }
    }

    /// <summary>
    /// One run's pressure deadlines, in date order: each shifts its pressed parties' reservation values by its own draw
    /// for every session that opens on or after its day, and raises their red lines' softening hazard from that day
    /// (applied in date order, before any session or retry step at a later day).
    /// </summary>
    private sealed class CalendarSteps
    {
        /// <summary>Keeps the calendar steps' draws apart from the retry steps' (which use the step number).</summary>
        private const int TagBase = 1000;

        private readonly (double Day, double Shift, int[] Parties)[] _steps;
        private readonly double _softening;
        private int _softened;

        public CalendarSteps(SimulationPlan plan, ulong seed, long run, SensitivityKnobs knobs)
        {
            var effect = plan.Spec.Retry.Effect;
            _softening = effect.SofteningBoost;
            _steps = [.. plan.Pressures
                .Select((c, i) => (Day: Math.Max(0, c.Day + knobs.ShiftOf(c.DeadlineIndex)), Shift: Draw0(effect.ReservationShift, seed, run, TagPressure + ((ulong)(TagBase + i) << 8)), c.Parties))
                .OrderBy(x => x.Day)];
        }

        /// <summary>The reservation shift of party <paramref name="p"/> from the steps on or before <paramref name="day"/>.</summary>
        public double ShiftAt(int p, double day)
        {
            var sum = 0.0;
            foreach (var (at, shift, parties) in _steps)
            {
                if (at > day)
                {
                    break;
                }

                if (Array.IndexOf(parties, p) >= 0)
                {
                    sum += shift;
                }
            }

            return sum;
        }

        /// <summary>Raises the softening hazard of the pressed parties for every step up to <paramref name="day"/> not applied yet.</summary>
        public void SoftenUpTo(double day, RedLineClocks clocks, SensitivityKnobs knobs)
        {
            for (; _softened < _steps.Length && _steps[_softened].Day <= day; _softened++)
            {
                if (_softening <= 0)
                {
                    continue;
                }

                var (at, _, parties) = _steps[_softened];
                foreach (var p in parties)
                {
                    clocks.Boost(p, at, _softening * knobs.Hazard);
                }
            }
        }
    }

    private static (bool Success, double End) Happen(StagePlan stage, int s, int attempt, double open, ulong seed, long run)
    {
        var duration = Draw(stage.Settings.DurationDays!, seed, run, TagDuration, (s * 1024) + attempt);
        var rng = SplitMix64.For(seed, run, TagSuccess + ((ulong)((s * 1024) + attempt) << 8));
        return (rng.NextDouble() < (stage.Settings.Success ?? 1), open + duration);
    }

    private static (bool Success, double End) Negotiate(SimulationPlan plan, StagePlan stage, int s, int attempt, double open, double? deadline,
        PartyModel[] parties, double[] erosion, double[] pressure, CalendarSteps calendar, double[][] firmUntil, int[] settled, ulong seed, long run, SensitivityKnobs knobs, List<SessionTraceRecord>? traces)
    {
        var space = stage.Space!;
        var views = new IUtilityView[stage.Table.Length];
        var agents = new INegotiator[stage.Table.Length];
        for (var i = 0; i < stage.Table.Length; i++)
        {
            var p = stage.Table[i];
            var model = parties[p];
            var reservation = model.Reservation - (erosion[p] * open / 7.0) + pressure[p] + calendar.ShiftAt(p, open);
            var firm = firmUntil[p].Select(until => until > open).ToArray();
            views[i] = model.View(space, (int[])settled.Clone(), reservation, firm, SplitMix64.Mix(seed ^ (ulong)run ^ TagSample));
            // The same stream per (run, party) gives the party the same sampled strategy parameters at every stage.
            var strategyRng = SplitMix64.For(seed, run, TagStrategy + ((ulong)p << 8));
            agents[i] = plan.Spec.StrategyOf(model.PartyId).Create(ref strategyRng, knobs.Exponent);
        }

        var roundDays = Math.Max(1e-6, Draw(stage.Settings.RoundDays!, seed, run, TagRoundDays, (s * 1024) + attempt));
        var rules = new SessionRules(stage.Settings.Rounds ?? 20, roundDays, open, deadline);
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

    private static PartyModel[] SampleParties(SimulationPlan plan, ulong seed, long run, SensitivityKnobs knobs, out double[] erosion, out RedLineClocks clocks)
    {
        var u = plan.Spec.Uncertainty;
        var scale = plan.Scenario.Scale;
        var result = new PartyModel[plan.Parties.Length];
        erosion = new double[plan.Parties.Length];
        clocks = new RedLineClocks(plan.Parties.Length);
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
            var hazards = new double[lines.Length];
            var exposures = new double[lines.Length];
            for (var r = 0; r < lines.Length; r++)
            {
                var firmness = u.FirmnessOf(lines[r].Id);
                var rng = SplitMix64.For(seed, run, TagRedLines + tag + ((ulong)r << 24));
                var firmDraw = rng.NextDouble();
                var timeDraw = rng.NextOpen();
                hazards[r] = Math.Min(1, firmness.SofteningPerWeek * knobs.Hazard);
                // Weekly hazard h: survival (1 − h) per week, i.e. an exponential time with rate −ln(1 − h) per week.
                exposures[r] = firmDraw >= Math.Clamp(firmness.Firm + knobs.FirmOffset, 0, 1) ? double.NaN : -Math.Log(timeDraw);
            }

            clocks.Set(p, hazards, exposures);
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
