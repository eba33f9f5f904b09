using System.Globalization;
using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Rules;

/// <summary>The mediator's desk: consent, blind checks, blind bidding, the single negotiating text. See docs/mediation.md.</summary>
public static partial class TalksRules
{
    /// <summary>Gap buckets of a bidding round without overlap, as a share of the round's range.</summary>
    public static IReadOnlyList<string> GapBuckets { get; } = ["<=5%", "5-15%", "15-35%", ">35%"];

    internal static IReadOnlyList<TalksEvent> SetConsent(TalksProjection s, Caller c, BlindConsent? consent)
    {
        var party = ActingParty(c);
        Require(consent is not null, References, "consent: a JSON object is required");
        Require(consent!.Weights || (!consent.Reservation && !consent.RedLines), References, "consent.weights: reservation and red lines enter a check only with the weights and scores");
        return [new BlindConsentSet(party, consent)];
    }

    /// <summary>A blind check; the answer is also in the returned event.</summary>
    internal static IReadOnlyList<TalksEvent> Check(TalksProjection s, Caller c, IReadOnlyList<string>? parties, string? ruleName, string? stageId)
    {
        RequireWriter(c);
        var policy = s.Process.Confidentiality;
        StageState? stage = null;
        if (c.Kind == RoleKind.Party)
        {
            Require(policy.BlindChecks == Visibility.Participants, Participants, "in these talks only the mediator asks for blind checks (confidentiality.blind_checks: mediator)");
            Require(stageId is not null, References, "stage: a participant checks within a stage it sits in");
        }

        if (stageId is not null)
        {
            stage = Stage(s, stageId);
            if (c.Kind == RoleKind.Party)
            {
                RequireSeat(s, c, stage);
            }

            Require(stage.Status is StageStatus.Pending or StageStatus.Open, Lifecycle, $"stage {stage.Id} is {Lower(stage.Status)}");
        }

        var rule = BlindCheck.ParseRule(ruleName);
        Require(rule is not null, References, $"rule: one of {string.Join(", ", BlindCheck.Rules)}");
        var ids = CheckedParties(s, parties, stage);
        var spent = RequireBudget(s, stage?.Id);
        var answer = BlindCheck.Answer(s, ids, rule!.Value);
        var id = $"{stage?.Id ?? "T"}.C{(spent + 1).ToString(CultureInfo.InvariantCulture)}";
        return [new BlindCheckMade(id, stage?.Id, ids, ruleName ?? BlindCheck.Rules[0], answer)];
    }

    internal static IReadOnlyList<TalksEvent> OpenBidRound(TalksProjection s, Caller c, string? stageId, string? issueId, string? subject, double? min, double? max, string? unit)
    {
        RequireWriter(c);
        Require(stageId is not null, References, "stage: required");
        ProposalSeat(s, c, stageId);
        var stage = s.Stages[stageId!];
        RequireBudget(s, stage.Id);
        string name;
        double lo, hi;
        string units;
        if (issueId is not null)
        {
            var issue = s.Scenario.FindIssue(issueId);
            Require(issue is not null, References, $"issue: no issue '{Shown(issueId)}'");
            Require(issue!.Numeric is not null, References, $"issue: {issue.Id} is not a numeric issue; name a subject with min and max instead");
            Require(min is null && max is null, References, "min, max: a numeric issue brings its own range");
            (name, lo, hi, units) = (issue.Name, issue.Numeric!.Min, issue.Numeric.Max, issue.Numeric.Unit);
        }
        else
        {
            name = RequireText(subject, "subject", required: true);
            Require(name.Length <= 200, References, "subject: at most 200 characters");
            Require(min is { } a && max is { } b && double.IsFinite(a) && double.IsFinite(b) && a < b, References, "min, max: finite numbers with min < max");
            (lo, hi, units) = (min!.Value, max!.Value, RequireText(unit, "unit", required: false));
        }

        var n = s.Blind.Rounds.Values.Count(r => r.Stage == stage.Id && r.Opener == c.Key) + 1;
        var id = $"{stage.Id}.{Who(c)}.B{n.ToString(CultureInfo.InvariantCulture)}";
        return [new BidRoundOpened(id, stage.Id, name, issueId, lo, hi, units, stage.Participants)];
    }

    internal static IReadOnlyList<TalksEvent> Bid(TalksProjection s, Caller c, string roundId, BidSide? side, double? bound, bool revealGap)
    {
        var party = ActingParty(c);
        var round = s.Blind.Rounds.GetValueOrDefault(roundId) is { } r && VisibilityPolicy.SeesRound(s, c, roundId)
            ? r
            : throw new NotFoundException($"no bidding round {Shown(roundId)}");
        Require(round.Spec.Bidders.Contains(party), Participants, $"{party} does not bid in round {round.Round}");
        ProposalSeat(s, c, round.Stage);
        Require(round.Result is null, Lifecycle, $"round {round.Round} is settled");
        Require(!round.Bids.ContainsKey(party), Lifecycle, $"{party} already bid in round {round.Round}; bids are final");
        Require(side is not null, References, "side: at-least or at-most");
        Require(bound is { } v && double.IsFinite(v) && v >= round.Spec.Min && v <= round.Spec.Max, References,
            $"bound: a number from {Number(round.Spec.Min)} to {Number(round.Spec.Max)}");
        var issue = round.Spec.Issue is { } issueId ? s.Scenario.FindIssue(issueId) : null;
        if (issue?.Numeric is { } range)
        {
            Require(OnStep(bound!.Value, range), References, $"bound: a value of {issue.Id}'s steps ({Number(range.Min)}, {Number(range.Min + range.Step)}, …)");
        }

        var bid = new BidSubmitted(round.Round, party, side!.Value, bound!.Value, revealGap);
        var bids = round.Bids.Values.Append(bid).ToList();
        if (round.Spec.Bidders.Any(b => bids.All(x => x.Party != b)))
        {
            return [bid];
        }

        return [bid, Settle(round.Spec, bids, issue?.Numeric)];
    }

    /// <summary>
    /// The overlap of the bidders' acceptable ranges is [highest floor, lowest ceiling] (the round's range
    /// where no one set that end); a non-empty overlap settles at its midpoint, on a numeric issue the step
    /// at or below it (never below the floor). Nothing else is revealed; the gap only with every bidder's consent.
    /// </summary>
    internal static BidRoundSettled Settle(BidRoundOpened spec, IReadOnlyList<BidSubmitted> bids, NumericRange? range)
    {
        var floor = bids.Where(b => b.Side == BidSide.AtLeast).Select(b => b.Bound).DefaultIfEmpty(spec.Min).Max();
        var ceiling = bids.Where(b => b.Side == BidSide.AtMost).Select(b => b.Bound).DefaultIfEmpty(spec.Max).Min();
        if (floor <= ceiling)
        {
            var mid = (floor + ceiling) / 2;
            if (range is not null)
            {
                mid = floor + (Math.Floor(((mid - floor) / range.Step) + 1e-9) * range.Step);
            }

            return new BidRoundSettled(spec.Round, true, mid, null);
        }

        string? gap = null;
        if (bids.All(b => b.RevealGap))
        {
            var share = (floor - ceiling) / (spec.Max - spec.Min);
            gap = share switch
            {
                <= 0.05 => GapBuckets[0],
                <= 0.15 => GapBuckets[1],
                <= 0.35 => GapBuckets[2],
                _ => GapBuckets[3],
            };
        }

        return new BidRoundSettled(spec.Round, false, null, gap);
    }

    internal static IReadOnlyList<TalksEvent> TableSingleText(TalksProjection s, Caller c, string? stageId, IReadOnlyDictionary<string, string>? package, string? note)
    {
        RequireWriter(c);
        Require(c.Kind == RoleKind.Mediator, Participants, "only the mediator tables a single negotiating text");
        Require(stageId is not null, References, "stage: required");
        ProposalSeat(s, c, stageId);
        var text = s.Blind.Texts.GetValueOrDefault(stageId!);
        Require(text?.SubmittedAs is null, Lifecycle, $"the single text of stage {stageId} went to signature as {text?.SubmittedAs}");
        ValidatePackage(s, package);
        var words = RequireText(note, "note", required: false);
        return [new SingleTextTabled(stageId!, (text?.Rounds.Count ?? 0) + 1, new SortedDictionary<string, string>(package!.ToDictionary(), StringComparer.Ordinal), words)];
    }

    internal static IReadOnlyList<TalksEvent> MarkSingleText(TalksProjection s, Caller c, string stageId, int? round, IReadOnlyDictionary<string, IssueMark?>? marks)
    {
        var party = ActingParty(c);
        var text = VisibleText(s, c, stageId);
        ProposalSeat(s, c, stageId);
        Require(text.SubmittedAs is null, Lifecycle, $"the single text of stage {stageId} went to signature as {text.SubmittedAs}");
        var latest = text.Rounds[^1];
        Require(round is null || round == latest.Round, Lifecycle, $"round {round} was revised; mark round {latest.Round}");
        Require(marks is not null, References, "marks: an object of issue id → acceptable | needs-change is required");
        foreach (var key in marks!.Keys)
        {
            Require(latest.Package.ContainsKey(key), References, $"marks.{Shown(key)}: not an issue of the text");
        }

        var clean = new SortedDictionary<string, IssueMark>(StringComparer.Ordinal);
        foreach (var issue in latest.Package.Keys)
        {
            Require(marks.TryGetValue(issue, out var mark) && mark is not null, References, $"marks.{issue}: acceptable or needs-change is required");
            clean[issue] = mark!.Value;
        }

        return [new SingleTextMarked(stageId, latest.Round, party, clean)];
    }

    internal static IReadOnlyList<TalksEvent> SubmitSingleText(TalksProjection s, Caller c, string stageId)
    {
        RequireWriter(c);
        Require(c.Kind == RoleKind.Mediator, Participants, "only the mediator sends the single text to signature");
        var text = VisibleText(s, c, stageId);
        ProposalSeat(s, c, stageId);
        Require(text.SubmittedAs is null, Lifecycle, $"the single text of stage {stageId} went to signature as {text.SubmittedAs}");
        var latest = text.Rounds[^1];
        var id = ProposalId(s, stageId, c);
        var note = $"single negotiating text, round {latest.Round.ToString(CultureInfo.InvariantCulture)}" + (latest.Note.Length > 0 ? ": " + latest.Note : "");
        return [new ProposalTabled(id, null, stageId, latest.Package, note, null), new SingleTextSubmitted(stageId, latest.Round, id)];
    }

    /// <summary>The stage's single text when the caller may see it, else the 404 of a stage without one.</summary>
    private static SingleTextState VisibleText(TalksProjection s, Caller c, string stageId) =>
        s.Blind.Texts.GetValueOrDefault(stageId) is { Rounds.Count: > 0 } t && VisibilityPolicy.SeesSingleText(s, c, stageId)
            ? t
            : throw new NotFoundException($"no single text in stage {Shown(stageId)}");

    /// <summary>The parties of a check: at least two distinct parties of the scenario (of the stage, when one is named), each consenting, each with a position.</summary>
    private static List<string> CheckedParties(TalksProjection s, IReadOnlyList<string>? parties, StageState? stage)
    {
        Require(parties is { Count: >= 2 }, References, "parties: at least two party ids");
        var ids = new List<string>();
        for (var i = 0; i < parties!.Count; i++)
        {
            var id = parties[i];
            Require(id is not null && s.Scenario.FindParty(id) is not null, References, $"parties[{i}]: no party '{Shown(id ?? "null")}'");
            Require(!ids.Contains(id!), References, $"parties[{i}]: {id} is listed twice");
            Require(stage is null || stage.Participants.Contains(id!), References, $"parties[{i}]: {id} is not a participant of stage {stage?.Id}");
            ids.Add(id!);
        }

        foreach (var id in ids)
        {
            // Weights and scores are what a check cannot do without; the other parts have stand-ins.
            Require(s.Blind.ConsentOf(id).Weights, BlindConsentRule, $"{id} has not consented to blind checks", 409);
            Require(s.Positions.ContainsKey(id), BlindConsentRule, $"{id} has consented but submitted no position", 409);
        }

        return ids;
    }

    private static bool OnStep(double value, NumericRange range)
    {
        var k = (value - range.Min) / range.Step;
        return Math.Abs(k - Math.Round(k)) < 1e-9;
    }

    /// <summary>What the scope's budget has spent so far, when some is left (else 409 <see cref="CheckBudget"/>).</summary>
    private static int RequireBudget(TalksProjection s, string? stage)
    {
        var budget = s.Process.Confidentiality.CheckBudget;
        var spent = s.Blind.Spent(stage);
        Require(spent < budget, CheckBudget, $"the budget of {budget} blind checks and bidding rounds for {(stage is null ? "the talks as a whole" : $"stage {stage}")} is spent", 409);
        return spent;
    }

    private static string Number(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
