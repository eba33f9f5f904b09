using Parley.Model;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;
using Parley.Talks.Rules;
using static Parley.Talks.Tests.TalksFixture;

namespace Parley.Talks.Tests.Rules;

/// <summary>The write rules, each with the refusal it must give; red-team findings on main 0f7a536 are regressions here.</summary>
public sealed class TalksRulesTests
{
    private static readonly DateOnly Today = new(2025, 8, 5);

    private static Dictionary<string, string> Package(string issue, string option) => new() { [issue] = option };

    [Fact]
    public async Task OpenStage_BeforeItsAfterStagesAreDone_BreaksStageOrder()
    {
        await using var f = await CreateAsync();
        // S2 is open (not done) in the flagship, so S3 (after S2) cannot open.
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("RU"), (s, c) => TalksRules.OpenStage(s, c, "S3")));
        Assert.Equal(TalksRules.StageOrder, ex.Rule);
        Assert.Contains("S2", ex.Message);

        await f.Do(Party("RU"), (s, c) => TalksRules.CloseStage(s, c, "S2", StageStatus.Done, "negotiators appointed"));
        await f.Do(Party("UA"), (s, c) => TalksRules.CloseStage(s, c, "S2", StageStatus.Done, ""));
        await f.Do(Party("RU"), (s, c) => TalksRules.OpenStage(s, c, "S3"));
        Assert.Equal(StageStatus.Open, (await f.View(Observer)).Stages!.Single(st => st.Id == "S3").Status);
    }

    [Fact]
    public async Task ClosingAsDone_TakesEveryParticipant_NotOneAlone()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("RU"), (s, c) => TalksRules.CloseStage(s, c, "S2", StageStatus.Done, ""));
        Assert.Equal(StageStatus.Open, (await f.View(Observer)).Stages!.Single(st => st.Id == "S2").Status);
        var again = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("RU"), (s, c) => TalksRules.CloseStage(s, c, "S2", StageStatus.Done, "")));
        Assert.Equal(TalksRules.StageConsensus, again.Rule);
        var mediator = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Mediator, (s, c) => TalksRules.CloseStage(s, c, "S2", StageStatus.Done, "")));
        Assert.Equal(TalksRules.MediatorEntry, mediator.Rule);

        await f.Do(Party("UA"), (s, c) => TalksRules.CloseStage(s, c, "S2", StageStatus.Done, ""));
        Assert.Equal(StageStatus.Done, (await f.View(Observer)).Stages!.Single(st => st.Id == "S2").Status);
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("NATO")]
    [InlineData("US")]
    public async Task Outsiders_CannotFail_SetDeadlines_OrMeetIn_ABilateralStage(string outsider)
    {
        await using var f = await CreateAsync();
        var fail = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party(outsider), (s, c) => TalksRules.CloseStage(s, c, "S2", StageStatus.Failed, "")));
        Assert.Equal(TalksRules.Participants, fail.Rule);
        var deadline = await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Party(outsider), (s, c) => TalksRules.SetDeadline(s, c, null, "now", new DateOnly(2025, 9, 1), "S2", DeadlineConsequence.CloseStage, "", Today)));
        Assert.Equal(TalksRules.Participants, deadline.Rule);
        var pending = await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Party(outsider), (s, c) => TalksRules.SetDeadline(s, c, null, "now", new DateOnly(2025, 9, 1), "S4", DeadlineConsequence.CloseStage, "", Today)));
        Assert.Equal(TalksRules.Participants, pending.Rule);
        var meeting = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party(outsider), (s, c) => TalksRules.ProposeMeeting(s, c, null, "S2", "V3", null)));
        Assert.Equal(TalksRules.Participants, meeting.Rule);
        Assert.Equal(StageStatus.Open, (await f.View(Observer)).Stages!.Single(st => st.Id == "S2").Status);
    }

    [Fact]
    public async Task Deadline_NeedsANameAndADateNotInThePast()
    {
        await using var f = await CreateAsync();
        var past = await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Party("RU"), (s, c) => TalksRules.SetDeadline(s, c, null, "x", new DateOnly(2000, 1, 1), "S2", DeadlineConsequence.CloseStage, "", Today)));
        Assert.Equal(TalksRules.DeadlineDate, past.Rule);
        var none = await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Party("RU"), (s, c) => TalksRules.SetDeadline(s, c, null, "x", null, "S2", DeadlineConsequence.Notice, "", Today)));
        Assert.Equal(TalksRules.DeadlineDate, none.Rule);
        var nameless = await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Party("RU"), (s, c) => TalksRules.SetDeadline(s, c, null, null, Today, "S2", DeadlineConsequence.Notice, "", Today)));
        Assert.Contains("name", nameless.Message);

        await f.Do(Party("RU"), (s, c) => TalksRules.SetDeadline(s, c, "D-today", "today", Today, "S2", DeadlineConsequence.Notice, "", Today));
        Assert.Contains((await f.View(Observer)).Deadlines!, d => d.Id == "D-today");
    }

    [Fact]
    public async Task Mediator_BeforeItsEntryStage_TakesNoPart()
    {
        await using var f = await CreateAsync();
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Mediator, (s, c) => TalksRules.TableProposal(s, c, "S2", Package("Q", "Q3"), "", null)));
        Assert.Equal(TalksRules.MediatorEntry, ex.Rule);
        var meeting = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Mediator, (s, c) => TalksRules.ProposeMeeting(s, c, null, "S2", "V3", null)));
        Assert.Equal(TalksRules.MediatorEntry, meeting.Rule);

        // A party at the table may table in the open stage S2.
        await f.Do(Party("UA"), (s, c) => TalksRules.TableProposal(s, c, "S2", Package("Q", "Q3"), "", null));
    }

    [Fact]
    public async Task Mediator_AfterEntering_SitsAtTheTablesFromItsEntryStageOn_AsItsOwnActor()
    {
        await using var f = await CreateAsync(scenario: FlagshipBeforeS5);
        await f.Do(Party("RU"), (s, c) => TalksRules.OpenStage(s, c, "S5"));
        await f.Do(Mediator, (s, c) => TalksRules.TableProposal(s, c, "S5", Package("G", "G3"), "", null));
        var proposal = (await f.View(Party("US"))).Proposals!.Single();
        Assert.Equal("S5.mediator.P1", proposal.Id);
        Assert.Null(proposal.Party);
        Assert.Equal("mediator", proposal.Author);

        // The US delegation is a signatory of S5; the mediator is not, and cannot accept for it.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Do(Mediator, (s, c) => TalksRules.AnswerProposal(s, c, proposal.Id, true, "")));
        await f.Do(Party("US"), (s, c) => TalksRules.AnswerProposal(s, c, proposal.Id, true, ""));
        Assert.Equal(["US"], (await f.View(Party("RU"))).Proposals!.Single().AcceptedBy);
    }

    [Fact]
    public async Task Meeting_WithoutEveryParticipantsVenueAcceptance_CannotBeConfirmed()
    {
        await using var f = await CreateAsync();
        // S2 participants are RU and UA; Geneva (V4) is accepted by UA and US only.
        await f.Do(Party("UA"), (s, c) => TalksRules.ProposeMeeting(s, c, "M-geneva", "S2", "V4", new DateOnly(2025, 8, 28)));
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("UA"), (s, c) => TalksRules.ScheduleMeeting(s, c, "M-geneva")));
        Assert.Equal(TalksRules.VenueConsensus, ex.Rule);
        Assert.Contains("RU", ex.Message);
        var meeting = (await f.View(Observer)).Meetings!.Single();
        Assert.Equal("pending", meeting.VenueStatus["RU"]);
        Assert.Equal("accepted", meeting.VenueStatus["UA"]);
        Assert.DoesNotContain("US", meeting.Participants);

        await f.Do(Party("RU"), (s, c) => TalksRules.AnswerVenue(s, c, "V4", accept: true));
        await f.Do(Party("UA"), (s, c) => TalksRules.ScheduleMeeting(s, c, "M-geneva"));
        Assert.Equal(MeetingStatus.Scheduled, (await f.View(Observer)).Meetings!.Single().Status);
    }

    [Fact]
    public async Task Observer_MayNotAct()
    {
        await using var f = await CreateAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Do(Observer, (s, c) => TalksRules.IssueStatement(s, c, "hi", true)));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Do(Mediator, (s, c) => TalksRules.SubmitPosition(s, c, null)));
    }

    [Fact]
    public async Task Party_OutsideTheStage_MayNotTableThere()
    {
        await using var f = await CreateAsync();
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Party("EU"), (s, c) => TalksRules.TableProposal(s, c, "S2", Package("Q", "Q1"), "", null)));
        Assert.Equal(TalksRules.Participants, ex.Rule);
    }

    [Fact]
    public async Task HiddenProposal_AnswersAsAMissingOne()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("RU"), (s, c) => TalksRules.TableProposal(s, c, "S2", Package("V", "V3"), "", null));
        var hidden = await Assert.ThrowsAsync<NotFoundException>(() => f.Do(Party("EU"), (s, c) => TalksRules.AnswerProposal(s, c, "S2.RU.P1", true, "")));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => f.Do(Party("EU"), (s, c) => TalksRules.AnswerProposal(s, c, "S2.RU.P2", true, "")));
        Assert.Equal(missing.Message.Replace("P2", "P1", StringComparison.Ordinal), hidden.Message);
    }

    [Fact]
    public async Task Agreement_NeedsEveryParticipantsAcceptance()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("UA"), (s, c) => TalksRules.TableProposal(s, c, "S2", Package("V", "V3"), "Istanbul", null));
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("UA"), (s, c) => TalksRules.SignAgreement(s, c, "S2.UA.P1")));
        Assert.Equal(TalksRules.AgreementConsensus, ex.Rule);

        await f.Do(Party("RU"), (s, c) => TalksRules.AnswerProposal(s, c, "S2.UA.P1", accept: true, ""));
        await f.Do(Party("UA"), (s, c) => TalksRules.SignAgreement(s, c, "S2.UA.P1"));
        await f.Do(Party("RU"), (s, c) => TalksRules.SignAgreement(s, c, "S2.UA.P1"));
        Assert.Equal(["RU", "UA"], (await f.View(Party("RU"))).Proposals!.Single().SignedBy);
    }

    [Fact]
    public async Task CounteredProposal_CannotBeAnswered_OrSigned()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("UA"), (s, c) => TalksRules.TableProposal(s, c, "S2", Package("V", "V4"), "", null));
        await f.Do(Party("RU"), (s, c) => TalksRules.AnswerProposal(s, c, "S2.UA.P1", true, ""));
        await f.Do(Party("RU"), (s, c) => TalksRules.TableProposal(s, c, "S2", Package("V", "V2"), "", "S2.UA.P1"));
        var answer = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("RU"), (s, c) => TalksRules.AnswerProposal(s, c, "S2.UA.P1", true, "")));
        Assert.Equal(TalksRules.Lifecycle, answer.Rule);
        var sign = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("UA"), (s, c) => TalksRules.SignAgreement(s, c, "S2.UA.P1")));
        Assert.Equal(TalksRules.AgreementConsensus, sign.Rule);
        Assert.Contains("countered", sign.Message);
    }

    [Fact]
    public async Task LastWordStands_RejectThenAccept_LeavesOnlyTheAcceptance()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("RU"), (s, c) => TalksRules.TableProposal(s, c, "S2", Package("V", "V3"), "", null));
        await f.Do(Party("UA"), (s, c) => TalksRules.AnswerProposal(s, c, "S2.RU.P1", false, "no"));
        var rejected = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("RU"), (s, c) => TalksRules.SignAgreement(s, c, "S2.RU.P1")));
        Assert.Contains("rejected by UA", rejected.Message);
        await f.Do(Party("UA"), (s, c) => TalksRules.AnswerProposal(s, c, "S2.RU.P1", true, ""));
        var p = (await f.View(Party("UA"))).Proposals!.Single();
        Assert.Equal(["UA"], p.AcceptedBy);
        Assert.Empty(p.RejectedBy);
        await f.Do(Party("RU"), (s, c) => TalksRules.SignAgreement(s, c, "S2.RU.P1"));
    }

    [Fact]
    public async Task WithdrawnProposal_CannotBeSigned_AndOnlyItsAuthorWithdraws()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("RU"), (s, c) => TalksRules.TableProposal(s, c, "S2", Package("V", "V3"), "", null));
        await f.Do(Party("UA"), (s, c) => TalksRules.AnswerProposal(s, c, "S2.RU.P1", true, ""));
        await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("UA"), (s, c) => TalksRules.WithdrawProposal(s, c, "S2.RU.P1", "")));
        await f.Do(Party("RU"), (s, c) => TalksRules.WithdrawProposal(s, c, "S2.RU.P1", "overtaken"));
        var sign = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("UA"), (s, c) => TalksRules.SignAgreement(s, c, "S2.RU.P1")));
        Assert.Equal(TalksRules.AgreementConsensus, sign.Rule);
    }

    [Fact]
    public async Task StalledStage_RefusesProposalsAndSignatures_UntilAPressureStep()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("RU"), (s, c) => TalksRules.TableProposal(s, c, "S2", Package("V", "V3"), "", null));
        await f.Do(Party("UA"), (s, c) => TalksRules.AnswerProposal(s, c, "S2.RU.P1", true, ""));
        await f.Do(Party("RU"), (s, c) => TalksRules.SetDeadline(s, c, "D-stall", "stall", Today, "S2", DeadlineConsequence.Stall, "", Today));
        await f.Do(Party("UA"), (s, c) => TalksRules.SetDeadline(s, c, "D-press", "press", Today.AddDays(2), "S2", DeadlineConsequence.Pressure, "", Today));
        f.Time.SetUtcNow(new DateTimeOffset(2025, 8, 6, 1, 0, 0, TimeSpan.Zero));
        await f.Service.ExpireDueDeadlinesAsync();

        var table = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("UA"), (s, c) => TalksRules.TableProposal(s, c, "S2", Package("V", "V4"), "", null)));
        Assert.Equal(TalksRules.Stalled, table.Rule);
        var sign = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("RU"), (s, c) => TalksRules.SignAgreement(s, c, "S2.RU.P1")));
        Assert.Equal(TalksRules.Stalled, sign.Rule);

        f.Time.SetUtcNow(new DateTimeOffset(2025, 8, 8, 1, 0, 0, TimeSpan.Zero));
        await f.Service.ExpireDueDeadlinesAsync();
        Assert.False((await f.View(Observer)).Stages!.Single(st => st.Id == "S2").Stalled);
        await f.Do(Party("RU"), (s, c) => TalksRules.SignAgreement(s, c, "S2.RU.P1"));
    }

    [Fact]
    public async Task Position_WithWrongShape_NamesTheField()
    {
        await using var f = await CreateAsync();
        var own = (await f.View(Party("UA"))).Position!;
        var bad = own with { Scores = new Dictionary<string, IReadOnlyList<double>>(own.Scores) { ["T"] = [1, 2] } };
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("UA"), (s, c) => TalksRules.SubmitPosition(s, c, bad)));
        Assert.Equal(TalksRules.PositionShape, ex.Rule);
        Assert.Contains("position.scores.T", ex.Message);

        var badRule = own with { RedLines = [new PositionRedLine("x", "T in [T9]")] };
        ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("UA"), (s, c) => TalksRules.SubmitPosition(s, c, badRule)));
        Assert.Contains("position.redLines[0].rule", ex.Message);

        var nullScores = own with { Scores = new Dictionary<string, IReadOnlyList<double>>(own.Scores) { ["C"] = null! } };
        ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("UA"), (s, c) => TalksRules.SubmitPosition(s, c, nullScores)));
        Assert.Contains("position.scores.C", ex.Message);
        var nullLine = own with { RedLines = [null!] };
        ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("UA"), (s, c) => TalksRules.SubmitPosition(s, c, nullLine)));
        Assert.Contains("position.redLines[0]", ex.Message);
    }

    [Fact]
    public void Positions_RoundTripThePreferences()
    {
        var scenario = Flagship;
        foreach (var p in scenario.Preferences)
        {
            var back = Positions.ToPreferences(scenario, p.PartyId, Positions.FromPreferences(scenario, p));
            Assert.Equal(p.Weights, back.Weights);
            Assert.Equal(p.Reservation, back.Reservation);
            Assert.Equal(p.RedLines, back.RedLines);
            Assert.Equal(p.Scores.Select(s => s.Values), back.Scores.Select(s => s.Values));
        }
    }
}
