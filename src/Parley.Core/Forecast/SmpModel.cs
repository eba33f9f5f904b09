namespace Parley.Forecast;

/// <summary>
/// The spatial model of politics as KTAB's <c>smpc</c> defines it (challenge, bargain, vote on bargains, repeat),
/// implemented from the equations in docs/forecast.md. Pure and deterministic: the same input, options and seed
/// give the same history on any number of threads.
/// </summary>
internal sealed class SmpModel
{
    /// <summary>KTAB's smallest expected gain that makes a challenge worth making.</summary>
    private const double MinSignificantGain = 1e-5;

    /// <summary>KTAB's smallest coalition in a single contest.</summary>
    private const double MinContestCoalition = 1e-10;

    /// <summary>Positions closer than this (Euclidean, on [0, 1]) count as the same position.</summary>
    private const double PositionTolerance = 1e-3;

    private readonly int _na;
    private readonly int _nd;
    private readonly double[] _cap;
    private readonly double[][] _sal;
    private readonly double[] _salSum;
    private readonly SmpOptions _o;
    private readonly ParallelOptions _parallel;

    private SmpModel(ForecastInput input, SmpOptions options)
    {
        _na = input.Actors.Count;
        _nd = input.Dimensions.Count;
        _o = options;
        _cap = input.Actors.Select(a => a.Capability).ToArray();
        _sal = input.Actors.Select(a => a.Saliences.Select(s => s / 100.0).ToArray()).ToArray();
        _salSum = _sal.Select(s => s.Aggregate(0.0, (acc, x) => acc + x)).ToArray();
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };
    }

    /// <summary>Runs the model to its stop test.</summary>
    public static ForecastResult Run(ForecastInput input, SmpOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new SmpOptions();
        if (input.Actors.Count < 2)
        {
            throw new ArgumentException("the SMP needs at least two actors", nameof(input));
        }

        var model = new SmpModel(input, options);
        return model.Execute(input, cancel);
    }

    private ForecastResult Execute(ForecastInput input, CancellationToken cancel)
    {
        var rng = SplitMix64.Derive(_o.Seed, 0);
        var start = input.Actors.Select(a => a.Positions.Select(p => p / 100.0).ToArray()).ToArray();
        var states = new List<Turn> { new(this, start) };
        var changes = new List<double> { double.NaN };
        string reason;
        for (var iter = 1; ; iter++)
        {
            cancel.ThrowIfCancellationRequested();
            var next = new Turn(this, states[^1].Step(rng));
            states.Add(next);
            var d01 = StateDistance(states[0].Positions, states[1].Positions) + _o.MinSignificantDelta;
            var dxy = StateDistance(states[iter].Positions, states[iter - 1].Positions);
            var ratio = dxy / d01;
            changes.Add(ratio);
            if (_o.MaxTurns <= iter)
            {
                reason = $"reached the turn limit ({_o.MaxTurns})";
                break;
            }

            if (_o.MinTurns <= iter && ratio < _o.MinDeltaRatio)
            {
                reason = $"last step moved {ratio:0.0000} of the first step (target < {_o.MinDeltaRatio:0.0000})";
                break;
            }
        }

        return new ForecastResult(
            input,
            _o,
            states.Select(s => s.Positions.Select(p => p.Select(x => x * 100.0).ToArray()).ToArray()).ToList(),
            states.Select(s => s.WinProbabilities()).ToList(),
            changes,
            reason);
    }

    /// <summary>The risk attitudes KTAB infers for the state with the given positions (0–100 scale), for parity checks.</summary>
    internal static double[] RiskAttitudes(ForecastInput input, SmpOptions options, double[][] positions) =>
        new Turn(new SmpModel(input, options), positions.Select(p => p.Select(x => x / 100.0).ToArray()).ToArray()).Risk;

    /// <summary>Σ_i ‖x_i − y_i‖ on the [0, 1] scale (KTAB's state distance).</summary>
    internal static double StateDistance(double[][] a, double[][] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Norm(a[i], b[i]);
        }

        return sum;
    }

    private static double Norm(double[] a, double[] b)
    {
        var s = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            var d = a[k] - b[k];
            s += d * d;
        }

        return Math.Sqrt(s);
    }

    /// <summary>A proposed move: the initiator and receiver each adopt a position (the same actor twice for the status quo).</summary>
    private sealed record Bargain(int Init, int Rcvr, double[] PosInit, double[] PosRcvr)
    {
        public bool IsStatusQuo => Init == Rcvr;
    }

    /// <summary>One state: positions plus everything derived from them (distances, risk attitudes).</summary>
    private sealed class Turn
    {
        private readonly SmpModel _m;
        private readonly double[,] _diff;
        private readonly double[] _risk;
        private readonly double[,] _riskEstimate;

        public Turn(SmpModel model, double[][] positions)
        {
            _m = model;
            Positions = positions;
            var na = model._na;

            // Ideals track positions exactly (KTAB's identity accommodation matrix), so distances use positions.
            _diff = new double[na, na];
            for (var i = 0; i < na; i++)
            {
                for (var j = 0; j < na; j++)
                {
                    _diff[i, j] = KtabMath.Distance(positions[i], positions[j], model._sal[i]);
                }
            }

            // Risk-neutral utilities → coalitions over actors' positions → win probabilities → risk attitudes.
            var neutral = new double[na, na];
            for (var i = 0; i < na; i++)
            {
                for (var j = 0; j < na; j++)
                {
                    neutral[i, j] = KtabMath.Utility(_diff[i, j], 0);
                }
            }

            var o = model._o;
            var c = KtabMath.Coalitions(na, na, (k, i, j) => KtabMath.Vote(o.VotingRule, model._cap[k], neutral[k, i], neutral[k, j]));
            _risk = KtabMath.RiskFromProbabilities(KtabMath.OptionProbabilities(o.PceModel, o.VictoryProbModel, c), o.BigRRange);
            _riskEstimate = new double[na, na];
            for (var h = 0; h < na; h++)
            {
                for (var i = 0; i < na; i++)
                {
                    _riskEstimate[h, i] = KtabMath.EstimateRisk(_risk[h], _risk[i], o.BigRAdjust);
                }
            }
        }

        public double[][] Positions { get; }

        /// <summary>Each actor's risk attitude in this state.</summary>
        public double[] Risk => _risk;

        /// <summary>h's estimate of the utility to i of j's position.</summary>
        private double U(int h, int i, int j) => KtabMath.Utility(_diff[i, j], _riskEstimate[h, i]);

        /// <summary>Actor i's own utility of an arbitrary position.</summary>
        private double PositionUtility(int i, double[] position) =>
            KtabMath.Utility(KtabMath.Distance(Positions[i], position, _m._sal[i]), _risk[i]);

        /// <summary>h's estimate of P(i beats j) and of k's expected gain from i challenging j (KTAB's probEduChlg).</summary>
        public (double Prob, double Gain) Challenge(int h, int k, int i, int j)
        {
            var o = _m._o;
            var euSq = U(h, k, i) + U(h, k, j);
            var uVict = U(h, k, i) + U(h, k, i);
            var uLoss = U(h, k, j) + U(h, k, j);
            var sj = _m._salSum[j];

            var contribI = KtabMath.Vote(o.VotingRule, _m._salSum[i] * _m._cap[i], U(h, i, i), U(h, i, j));
            var contribJ = KtabMath.Vote(o.VotingRule, sj * _m._cap[j], U(h, j, i), U(h, j, j));
            double chij = MinContestCoalition, chji = MinContestCoalition;
            if (contribI > 0)
            {
                chij += contribI;
            }

            if (contribI < 0)
            {
                chji -= contribI;
            }

            if (contribJ > 0)
            {
                chij += contribJ;
            }

            if (contribJ < 0)
            {
                chji -= contribJ;
            }

            double baseI = chij, baseJ = chji;
            for (var n = 0; n < _m._na; n++)
            {
                if (n == i || n == j)
                {
                    continue;
                }

                var wn = _m._salSum[n] * _m._cap[n];
                double uni = U(h, n, i), unj = U(h, n, j), unn = U(h, n, n);

                // n judges the little contest of i, j and itself.
                var vn = KtabMath.Vote(o.VotingRule, wn, uni, unj);
                var cni = vn > 0 ? baseI + vn : baseI;
                var cnj = vn < 0 ? baseJ - vn : baseJ;
                var pin = cni / (cni + cnj);
                var vote = KtabMath.ThirdPartyVote(wn, o.VotingRule, o.ThirdPartyCommit, pin, 1.0 - pin, uni, unj, unn);
                if (vote > 0)
                {
                    chij += vote;
                }

                if (vote < 0)
                {
                    chji -= vote;
                }
            }

            var pij = chij / (chij + chji);
            var pji = chji / (chij + chji);
            var contest = (pij * uVict) + (pji * uLoss);
            var challenge = ((1 - sj) * uVict) + (sj * contest);
            return (pij, challenge - euSq);
        }

        /// <summary>The next state's positions.</summary>
        public double[][] Step(SplitMix64 rng)
        {
            var na = _m._na;
            var o = _m._o;

            // Each actor's best target: the largest expected gain above the threshold, first j on ties.
            var targets = new (int J, double Prob)[na];
            Parallel.For(0, na, _m._parallel, i =>
            {
                var bestJ = -1;
                var bestP = 0.0;
                var bestGain = -1.0;
                for (var j = 0; j < na; j++)
                {
                    if (j == i)
                    {
                        continue;
                    }

                    var (p, gain) = Challenge(i, i, i, j);
                    if (MinSignificantGain < gain && bestGain < gain)
                    {
                        (bestJ, bestP, bestGain) = (j, p, gain);
                    }
                }

                targets[i] = (bestJ, bestP);
            });

            var bargains = new List<Bargain>[na];
            for (var i = 0; i < na; i++)
            {
                bargains[i] = [];
            }

            for (var i = 0; i < na; i++)
            {
                bargains[i].Add(new Bargain(i, i, Positions[i], Positions[i]));
                var (j, piij) = targets[i];
                if (j < 0)
                {
                    continue;
                }

                var fromI = Interpolate(i, j, piij);
                switch (o.BargainModel)
                {
                    case BargainModel.InitOnlyInterp:
                        bargains[i].Add(fromI);
                        bargains[j].Add(fromI);
                        break;
                    case BargainModel.InitRcvrInterp:
                        var fromJ = ReceiverInterpolation(i, j);
                        bargains[i].Add(fromI);
                        bargains[i].Add(fromJ);
                        bargains[j].Add(fromI);
                        bargains[j].Add(fromJ);
                        break;
                    case BargainModel.PWCompInterp:
                        var compromise = Compromise(fromI, ReceiverInterpolation(i, j));
                        bargains[i].Add(compromise);
                        bargains[j].Add(compromise);
                        break;
                    default:
                        throw new InvalidOperationException($"unknown bargain model {o.BargainModel}");
                }
            }

            // Everyone votes on each actor's bargains; the most probable (or a drawn) one sets its next position.
            var probabilities = new double[na][];
            Parallel.For(0, na, _m._parallel, k =>
            {
                var list = bargains[k];
                var u = new double[na, list.Count];
                for (var a = 0; a < na; a++)
                {
                    for (var b = 0; b < list.Count; b++)
                    {
                        u[a, b] = BargainUtility(a, list[b]);
                    }
                }

                probabilities[k] = KtabMath.ScalarPce(na, list.Count, _m._cap, u, o.VotingRule, o.VictoryProbModel, o.PceModel);
            });

            var next = new double[na][];
            for (var k = 0; k < na; k++)
            {
                var chosen = o.StateTransitions == StateTransitions.Deterministic ? ArgMax(probabilities[k]) : rng.Select(probabilities[k]);
                var b = bargains[k][chosen];
                next[k] = b.IsStatusQuo ? (double[])Positions[k].Clone() : (double[])(b.Init == k ? b.PosInit : b.PosRcvr).Clone();
            }

            return next;
        }

        private Bargain Interpolate(int i, int j, double probI)
        {
            var nd = _m._nd;
            var bi = new double[nd];
            var bj = new double[nd];
            for (var d = 0; d < nd; d++)
            {
                (bi[d], bj[d]) = KtabMath.Interpolate(_m._o.InterVecBargain, Positions[i][d], _m._sal[i][d], probI, Positions[j][d], _m._sal[j][d], 1 - probI);
            }

            return new Bargain(i, j, bi, bj);
        }

        // KTAB forms the receiver's interpolation from j's estimate of *i's expected gain* where a probability is
        // expected (smpbcn.cpp, get<1> of probEduChlg). We reproduce that for parity; see docs/forecast.md.
        private Bargain ReceiverInterpolation(int i, int j) => Interpolate(i, j, Challenge(j, i, i, j).Gain);

        // KTAB weights the receiver's bargain by the initiator's capability times the receiver's salience (again
        // reproduced for parity).
        private Bargain Compromise(Bargain fromI, Bargain fromJ)
        {
            var wi = _m._cap[fromI.Init] * _m._salSum[fromI.Init];
            var wj = _m._cap[fromI.Init] * _m._salSum[fromI.Rcvr];
            var nd = _m._nd;
            var pi = new double[nd];
            var pj = new double[nd];
            for (var d = 0; d < nd; d++)
            {
                pi[d] = ((wi * fromI.PosInit[d]) + (wj * fromJ.PosInit[d])) / (wi + wj);
                pj[d] = ((wi * fromI.PosRcvr[d]) + (wj * fromJ.PosRcvr[d])) / (wi + wj);
            }

            return new Bargain(fromI.Init, fromI.Rcvr, pi, pj);
        }

        /// <summary>Actor a's average utility over all positions after bargain b is implemented.</summary>
        private double BargainUtility(int a, Bargain b)
        {
            var na = _m._na;
            var sum = 0.0;
            if (b.IsStatusQuo)
            {
                for (var n = 0; n < na; n++)
                {
                    sum += U(a, a, n);
                }
            }
            else
            {
                sum += PositionUtility(a, b.PosInit);
                sum += PositionUtility(a, b.PosRcvr);
                for (var n = 0; n < na; n++)
                {
                    if (n != b.Init && n != b.Rcvr)
                    {
                        sum += U(a, a, n);
                    }
                }
            }

            return sum / na;
        }

        private static int ArgMax(double[] p)
        {
            var best = 0;
            for (var i = 1; i < p.Length; i++)
            {
                if (p[best] < p[i])
                {
                    best = i;
                }
            }

            return best;
        }

        /// <summary>P(actor i's position wins) in this state, from each actor's own perspective (KTAB's pDist(−1)).</summary>
        public double[] WinProbabilities()
        {
            var na = _m._na;
            var unique = new List<int>();
            for (var i = 0; i < na; i++)
            {
                if (!unique.Any(u => Same(u, i)))
                {
                    unique.Add(i);
                }
            }

            var util = new double[na, unique.Count];
            for (var i = 0; i < na; i++)
            {
                for (var j = 0; j < unique.Count; j++)
                {
                    util[i, j] = U(i, i, unique[j]);
                }
            }

            var o = _m._o;
            var p = KtabMath.ScalarPce(na, unique.Count, _m._cap, util, VotingRule.Prop, o.VictoryProbModel, o.PceModel);
            var result = new double[na];
            for (var i = 0; i < na; i++)
            {
                var k = -1;
                for (var j = 0; j < unique.Count; j++)
                {
                    if (Same(i, unique[j]))
                    {
                        k = j;
                    }
                }

                result[i] = p[k];
            }

            return result;
        }

        private bool Same(int i, int j) => Norm(Positions[i], Positions[j]) < PositionTolerance;
    }
}
