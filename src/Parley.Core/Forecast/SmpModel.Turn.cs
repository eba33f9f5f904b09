namespace Parley.Forecast;

/// <summary>The SMP's states (see <see cref="SmpModel"/>).</summary>
internal sealed partial class SmpModel
{
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

        /// <summary>Actor i's best target: the largest own expected gain above the threshold, first j on ties (−1: none).</summary>
        public (int J, double Prob, double Gain) BestTarget(int i)
        {
            var best = (J: -1, Prob: 0.0, Gain: -1.0);
            for (var j = 0; j < _m._na; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var (p, gain) = Challenge(i, i, i, j);
                if (MinSignificantGain < gain && best.Gain < gain)
                {
                    best = (j, p, gain);
                }
            }

            return best;
        }

        /// <summary>The next state's positions.</summary>
        public double[][] Step(ref SplitMix64 rng)
        {
            var na = _m._na;
            var o = _m._o;

            var targets = new (int J, double Prob, double Gain)[na];
            Parallel.For(0, na, _m._parallel, i => targets[i] = BestTarget(i));

            var bargains = new List<Bargain>[na];
            for (var i = 0; i < na; i++)
            {
                bargains[i] = [];
            }

            for (var i = 0; i < na; i++)
            {
                bargains[i].Add(new Bargain(i, i, Positions[i], Positions[i]));
                var (j, piij, _) = targets[i];
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

            // The model's voting rule, as KTAB's 2017 smpExample log shows (one later smp.cpp hard-codes Prop here).
            var o = _m._o;
            var p = KtabMath.ScalarPce(na, unique.Count, _m._cap, util, o.VotingRule, o.VictoryProbModel, o.PceModel);
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
