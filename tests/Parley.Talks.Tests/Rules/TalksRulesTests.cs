using Parley.Model;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;
using Parley.Talks.Rules;
using static Parley.Talks.Tests.TalksFixture;

namespace Parley.Talks.Tests.Rules;

public sealed class TalksRulesTests
{
    [Fact]
    public async Task OpenStage_BeforeItsAfterStagesAreDone_BreaksStageOrder()
    {
        await using var f = await CreateAsync();
        // S2 is open (not done) in the flagship, so S3 (after S2) cannot open.
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Mediator, (s, c) => TalksRules.OpenStage(s, c, "S3")));
        Assert.Equal(TalksRules.StageOrder, ex.Rule);
        Assert.Contains("S2", ex.Message);

        await f.Do(Mediator, (s, c) => TalksRules.CloseStage(s, c, "S2", StageStatus.Done, "negotiators appointed"));
        await f.Do(Party("RU"), (s, c) => TalksRules.OpenStage(s, c, "S3"));
        Assert.Equal(StageStatus.Open, (await f.View(Observer)).Stages!.Single(st => st.Id == "S3").Status);
    }

    [Fact]
    public async Task Mediator_BeforeItsEntryStage_TakesNoPart()
    {
        await using var f = await CreateAsync();
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Mediator, (s, c) => TalksRules.TableProposal(s, c, null, "S2", new Dictionary<string, string> { ["Q"] = "Q3" }, "", null)));
        Assert.Equal(TalksRules.MediatorEntry, ex.Rule);

        // A party at the table may table in the open stage S2.
        await f.Do(Party("UA"), (s, c) => TalksRules.TableProposal(s, c, null, "S2", new Dictionary<string, string> { ["Q"] = "Q3" }, "", null));
    }

    [Fact]
    public async Task Meeting_WithoutEveryParticipantsVenueAcceptance_CannotBeConfirmed()
    {
        await using var f = await CreateAsync();
        // S2 participants are RU and UA; Geneva (V4) is accepted by UA and US only.
        await f.Do(Mediator, (s, c) => TalksRules.ProposeMeeting(s, c, "M-geneva", "S2", "V4", new DateOnly(2025, 8, 28)));
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Mediator, (s, c) => TalksRules.ScheduleMeeting(s, c, "M-geneva")));
        Assert.Equal(TalksRules.VenueConsensus, ex.Rule);
        Assert.Contains("RU", ex.Message);
        var meeting = (await f.View(Observer)).Meetings!.Single();
        Assert.Equal("pending", meeting.VenueStatus["RU"]);
        Assert.Equal("accepted", meeting.VenueStatus["UA"]);
        Assert.DoesNotContain("US", meeting.Participants);

        await f.Do(Party("RU"), (s, c) => TalksRules.AnswerVenue(s, c, "V4", accept: true));
        await f.Do(Mediator, (s, c) => TalksRules.ScheduleMeeting(s, c, "M-geneva"));
        Assert.Equal(MeetingStatus.Scheduled, (await f.View(Observer)).Meetings!.Single().Status);
    }

    [Fact]
    public async Task Mediator_IsAtTheMeetingTable_OnlyAfterEntering()
    {
        var scenario = Flagship with
        {
            Process = Flagship.Process! with
            {
                Stages = Flagship.Process.Stages.Select(st => st with { Status = st.Id is "S1" or "S2" or "S3" or "S4" ? StageStatus.Done : StageStatus.Pending }).ToValueList(),
            },
        };
        await using var f = await CreateAsync(scenario: scenario);
        await f.Do(Mediator, (s, c) => TalksRules.ProposeMeeting(s, c, "M5", "S5", "V2", null));
        Assert.DoesNotContain("US", (await f.View(Observer)).Meetings!.Single().Participants);

        await f.Do(Mediator, (s, c) => TalksRules.OpenStage(s, c, "S5"));
        Assert.Contains("US", (await f.View(Observer)).Meetings!.Single().Participants);
        await f.Do(Mediator, (s, c) => TalksRules.TableProposal(s, c, "P-us", "S5", new Dictionary<string, string> { ["G"] = "G3" }, "", null));
    }

    [Fact]
    public async Task Observer_MayNotAct()
    {
        await using var f = await CreateAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Do(Observer, (s, c) => TalksRules.IssueStatement(s, c, "hi", true)));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Do(Mediator, (s, c) => TalksRules.SubmitPosition(s, c, null!)));
    }

    [Fact]
    public async Task Party_OutsideTheStage_MayNotTableThere()
    {
        await using var f = await CreateAsync();
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Party("EU"), (s, c) => TalksRules.TableProposal(s, c, null, "S2", new Dictionary<string, string> { ["Q"] = "Q1" }, "", null)));
        Assert.Equal(TalksRules.Participants, ex.Rule);
    }

    [Fact]
    public async Task Agreement_NeedsEveryParticipantsAcceptance()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("UA"), (s, c) => TalksRules.TableProposal(s, c, "P1", "S2", new Dictionary<string, string> { ["V"] = "V3" }, "Istanbul", null));
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("UA"), (s, c) => TalksRules.SignAgreement(s, c, "P1")));
        Assert.Equal(TalksRules.AgreementConsensus, ex.Rule);

        await f.Do(Party("RU"), (s, c) => TalksRules.AnswerProposal(s, c, "P1", accept: true, ""));
        await f.Do(Party("UA"), (s, c) => TalksRules.SignAgreement(s, c, "P1"));
        await f.Do(Party("RU"), (s, c) => TalksRules.SignAgreement(s, c, "P1"));
        Assert.Equal(["RU", "UA"], (await f.View(Party("RU"))).Proposals!.Single().SignedBy);
    }

    [Fact]
    public async Task Counter_ReplacesTheOpenProposal()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("UA"), (s, c) => TalksRules.TableProposal(s, c, "P1", "S2", new Dictionary<string, string> { ["V"] = "V4" }, "", null));
        await f.Do(Party("RU"), (s, c) => TalksRules.TableProposal(s, c, "P2", "S2", new Dictionary<string, string> { ["V"] = "V2" }, "", "P1"));
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("RU"), (s, c) => TalksRules.AnswerProposal(s, c, "P1", true, "")));
        Assert.Equal(TalksRules.Lifecycle, ex.Rule);
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
