namespace Parley.Forecast;

/// <summary>
/// The SMP's building blocks, written from the equations in docs/forecast.md (after KTAB's kmodel and smp).
/// Summation orders follow KTAB's loops so that results agree to the last printed digit.
/// </summary>
internal static class KtabMath
{
    /// <summary>Smallest coalition strength (KTAB's <c>minC</c>), so that 0/0 never occurs.</summary>
    public const double MinCoalition = 1e-8;

    /// <summary>Utility of a salience-weighted distance <paramref name="d"/> ∈ [0, 1] for risk attitude <paramref name="r"/>.</summary>
    public static double Utility(double d, double r) => d <= 1 ? (1 - d) * (1 + (d * r)) : (1 - d) * (1 + r);

    /// <summary>Salience-weighted distance sqrt(Σ (s_k Δ_k)² / Σ s_k²) between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> salience)
    {
        double dsSqr = 0, ssSqr = 0;
        for (var k = 0; k < a.Length; k++)
        {
            var ds = (a[k] - b[k]) * salience[k];
            dsSqr += ds * ds;
            ssSqr += salience[k] * salience[k];
        }

        return Math.Sqrt(dsSqr / ssSqr);
    }

    /// <summary>The vote of an actor with weight <paramref name="w"/> for option i (utility <paramref name="ui"/>) over j (<paramref name="uj"/>).</summary>
    public static double Vote(VotingRule rule, double w, double ui, double uj)
    {
        var du = ui - uj;
        var binary = Math.Clamp(du / 1e-8, -1, 1);
        return rule switch
        {
            VotingRule.Binary => w * binary,
            VotingRule.PropBin => w * ((0.8 * du) + (0.2 * binary)),
            VotingRule.Prop => w * du,
            VotingRule.PropCbc => w * ((0.5 * du) + (0.5 * du * du * du)),
            VotingRule.Cubic => w * (du * du * du),
            VotingRule.ASymProsp => du < 0 ? w * du : du > 0 ? 2.0 * w * du / 3.0 : 0,
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }

    /// <summary>(P(1 beats 2), P(2 beats 1)) from coalition strengths.</summary>
    public static (double P1, double P2) VictoryProbability(VictoryProbModel model, double s1, double s2)
    {
        double x1, x2;
        switch (model)
        {
            case VictoryProbModel.Linear:
                (x1, x2) = (s1, s2);
                break;
            case VictoryProbModel.Square:
                (x1, x2) = (s1 * s1, s2 * s2);
                break;
            case VictoryProbModel.Quartic:
                (x1, x2) = (Quartic(s1), Quartic(s2));
                break;
            case VictoryProbModel.Octic:
                (x1, x2) = (Quartic(s1) * Quartic(s1), Quartic(s2) * Quartic(s2));
                break;
            case VictoryProbModel.Binary:
                const double thresh = 1.10, minX = 1e-6;
                if (s1 >= thresh * s2)
                {
                    (x1, x2) = (1.0, minX);
                }
                else if (s2 >= thresh * s1)
                {
                    (x1, x2) = (minX, 1.0);
                }
                else
                {
                    var p12 = ((s1 / (s1 + s2) * (thresh + 1.0)) - 1.0) / (thresh - 1.0);
                    (x1, x2) = (p12, 1 - p12);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model));
        }

        return (x1 / (x1 + x2), x2 / (x1 + x2));

        static double Quartic(double x) => x * x * (x * x);
    }

    /// <summary>
    /// Coalition strengths C(i, j) = minC + Σ_k max(0, v_k(i:j)) over options, for a vote function v(k, i, j).
    /// Diagonal is minC.
    /// </summary>
    public static double[,] Coalitions(int actors, int options, Func<int, int, int, double> vote)
    {
        var c = new double[options, options];
        for (var i = 0; i < options; i++)
        {
            for (var j = 0; j < i; j++)
            {
                double cij = MinCoalition, cji = MinCoalition;
                for (var k = 0; k < actors; k++)
                {
                    var v = vote(k, i, j);
                    if (v > 0)
                    {
                        cij += v;
                    }

                    if (v < 0)
                    {
                        cji -= v;
                    }
                }

                c[i, j] = cij;
                c[j, i] = cji;
            }

            c[i, i] = MinCoalition;
        }

        return c;
    }

    /// <summary>The square matrix P(i beats j) from coalition strengths; P(i, i) = ½.</summary>
    public static double[,] VictoryMatrix(VictoryProbModel model, double[,] c)
    {
        var n = c.GetLength(0);
        var p = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                (p[i, j], p[j, i]) = VictoryProbability(model, c[i, j], c[j, i]);
            }

            p[i, i] = 0.5;
        }

        return p;
    }

    /// <summary>Option probabilities from coalition strengths with the given PCE model.</summary>
    public static double[] OptionProbabilities(PceModel pce, VictoryProbModel vpm, double[,] c)
    {
        var victory = VictoryMatrix(vpm, c);
        return pce switch
        {
            PceModel.Conditional => ConditionalPce(victory),
            PceModel.MarkovUniform => MarkovUniformPce(victory),
            PceModel.MarkovIncentive => MarkovIncentivePce(c, victory),
            _ => throw new ArgumentOutOfRangeException(nameof(pce)),
        };
    }

    /// <summary>p_i ∝ Π_j P(i &gt; j) (the product includes P(i &gt; i) = ½, which cancels).</summary>
    public static double[] ConditionalPce(double[,] victory)
    {
        var n = victory.GetLength(0);
        var p = new double[n];
        for (var i = 0; i < n; i++)
        {
            var pi = 1.0;
            for (var j = 0; j < n; j++)
            {
                pi *= victory[i, j];
            }

            p[i] = pi;
        }

        var total = 0.0;
        foreach (var x in p)
        {
            total += x;
        }

        for (var i = 0; i < n; i++)
        {
            p[i] /= total;
        }

        return p;
    }

    /// <summary>Stationary distribution of uniform challenges: q_i = Σ_j P(i&gt;j)(p_i + p_j)/n, averaged with p until max change ≤ 1e-6.</summary>
    public static double[] MarkovUniformPce(double[,] victory)
    {
        var n = victory.GetLength(0);
        var p = Enumerable.Repeat(1.0 / n, n).ToArray();
        var q = new double[n];
        var change = 1.0;
        for (var iter = 0; change > 1e-6; iter++)
        {
            Guard(iter);
            change = 0;
            for (var i = 0; i < n; i++)
            {
                var pi = 0.0;
                for (var j = 0; j < n; j++)
                {
                    pi += victory[i, j] * (p[i] + p[j]);
                }

                q[i] = pi / n;
                change = Math.Max(change, Math.Abs(q[i] - p[i]));
            }

            for (var i = 0; i < n; i++)
            {
                p[i] = (p[i] + q[i]) / 2.0;
            }
        }

        return p;
    }

    /// <summary>
    /// Stationary distribution of incentive-driven challenges: option i challenges j at a rate proportional to
    /// C(i, j)·P(i &gt; j) (+1e-10 on the diagonal); iterated as in KTAB until max change ≤ 1e-8.
    /// </summary>
    public static double[] MarkovIncentivePce(double[,] c, double[,] victory)
    {
        var n = c.GetLength(0);
        var incentive = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                incentive[i, j] = (c[i, j] * victory[i, j]) + (i == j ? 1e-10 : 0);
            }
        }

        var challenge = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var sum = 0.0;
            for (var k = 0; k < n; k++)
            {
                sum += incentive[k, j];
            }

            for (var i = 0; i < n; i++)
            {
                challenge[i, j] = incentive[i, j] / sum;
            }
        }

        var p = Enumerable.Repeat(1.0 / n, n).ToArray();
        var q = new double[n];
        var ct = new double[n, n];
        var change = 1.0;
        for (var iter = 0; change > 1e-8; iter++)
        {
            Guard(iter);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    ct[i, j] = p[i] * challenge[j, i];
                }
            }

            change = 0;
            for (var i = 0; i < n; i++)
            {
                var qi = 0.0;
                for (var j = 0; j < n; j++)
                {
                    qi += victory[i, j] * (ct[i, j] + ct[j, i]);
                }

                q[i] = qi;
                change = Math.Max(change, Math.Abs(q[i] - p[i]));
            }

            for (var i = 0; i < n; i++)
            {
                p[i] = (p[i] + q[i]) / 2.0;
            }
        }

        return p;
    }

    private static void Guard(int iter)
    {
        if (iter >= 1000)
        {
            throw new InvalidOperationException("Markov PCE did not converge in 1000 iterations");
        }
    }

    /// <summary>Option probabilities when actors with weights <paramref name="w"/> vote over options with utilities u(actor, option).</summary>
    public static double[] ScalarPce(int actors, int options, ReadOnlySpan<double> w, double[,] u, VotingRule rule, VictoryProbModel vpm, PceModel pce)
    {
        var weights = w.ToArray();
        var c = Coalitions(actors, options, (k, i, j) => Vote(rule, weights[k], u[k, i], u[k, j]));
        return OptionProbabilities(pce, vpm, c);
    }

    /// <summary>Risk attitudes from win probabilities.</summary>
    public static double[] RiskFromProbabilities(ReadOnlySpan<double> p, BigRRange range)
    {
        double pMin = 1.0, pMax = 0.0;
        foreach (var x in p)
        {
            pMin = Math.Min(pMin, x);
            pMax = Math.Max(pMax, x);
        }

        var r = new double[p.Length];
        if (!(pMax - pMin > 0))
        {
            // All equally likely: KTAB divides by zero here; we call everyone risk-neutral.
            return r;
        }

        for (var i = 0; i < p.Length; i++)
        {
            r[i] = range switch
            {
                BigRRange.Min => (p[i] - pMin) / (pMax - pMin),
                BigRRange.Mid => ((3 * p[i]) - (pMax + (2 * pMin))) / (2 * (pMax - pMin)),
                BigRRange.Max => ((2 * p[i]) - (pMax + pMin)) / (pMax - pMin),
                _ => throw new ArgumentOutOfRangeException(nameof(range)),
            };
        }

        return r;
    }

    /// <summary>Actor h's estimate of actor i's risk attitude.</summary>
    public static double EstimateRisk(double rh, double ri, BigRAdjust adjust) => adjust switch
    {
        BigRAdjust.Full => ri,
        BigRAdjust.TwoThirds => (rh + (2.0 * ri)) / 3.0,
        BigRAdjust.Half => (rh + ri) / 2,
        BigRAdjust.OneThird => ((2.0 * rh) + ri) / 3.0,
        BigRAdjust.None => rh,
        _ => throw new ArgumentOutOfRangeException(nameof(adjust)),
    };

    /// <summary>Third party k's vote in the contest i:j (sum-of-utilities form); returns v_k(i:j).</summary>
    public static double ThirdPartyVote(double wk, VotingRule rule, ThirdPartyCommit commit, double pik, double pjk, double uki, double ukj, double ukk)
    {
        var (ikDefJ, jDefIk, iDefJk, jkDefI) = commit switch
        {
            ThirdPartyCommit.FullCommit => (uki + uki + uki, ukj + ukj + ukj, uki + uki + uki, ukj + ukj + ukj),
            ThirdPartyCommit.SemiCommit => (uki + uki + ukk, ukj + ukj + ukj, uki + uki + uki, ukj + ukj + ukk),
            ThirdPartyCommit.NoCommit => (uki + uki + ukk, ukj + ukj + ukk, uki + uki + ukk, ukj + ukj + ukk),
            _ => throw new ArgumentOutOfRangeException(nameof(commit)),
        };
        var uIkJ = (pik * ikDefJ) + (pjk * jDefIk);
        var uIJk = (pik * iDefJk) + (pjk * jkDefI);
        return Vote(rule, wk, uIkJ, uIJk);
    }

    /// <summary>Rounds to 4 decimals as KTAB does: (int)(0.5 + 10⁴x)/10⁴.</summary>
    public static double Round4(double x) => (int)(0.5 + (x * 10000.0)) / 10000.0;

    /// <summary>
    /// Interpolated bargain between t_i and t_j on one dimension (S1P1/S2P2: weights sⁿpᵐ; S2PMax: shift by the
    /// positive probability difference). Returns (b_i, b_j).
    /// </summary>
    public static (double Bi, double Bj) Interpolate(InterVecBargain rule, double ti, double si, double pi, double tj, double sj, double pj)
    {
        const double minW = 1e-6;
        switch (rule)
        {
            case InterVecBargain.S1P1:
            case InterVecBargain.S2P2:
                var n = rule == InterVecBargain.S1P1 ? 1 : 2;
                var wi = Math.Pow(si, n) * Math.Pow(pi, n);
                var wj = Math.Pow(sj, n) * Math.Pow(pj, n);
                return (Round4((((wi + minW) * ti) + (wj * tj)) / (wi + minW + wj)),
                        Round4(((wi * ti) + ((minW + wj) * tj)) / (wi + minW + wj)));
            case InterVecBargain.S2PMax:
                var di = pj > pi ? pj - pi : 0;
                var dj = pi > pj ? pi - pj : 0;
                double si2 = si * si, sj2 = sj * sj;
                var dik = di * sj2 / ((di * sj2) + minW + ((1 - di) * si2));
                var djk = dj * si2 / ((dj * si2) + minW + ((1 - dj) * sj2));
                return (ti + (dik * (tj - ti)), tj + (djk * (ti - tj)));
            default:
                throw new ArgumentOutOfRangeException(nameof(rule));
        }
    }
}
