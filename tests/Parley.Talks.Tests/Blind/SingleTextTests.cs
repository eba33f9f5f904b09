using Parley.Talks.Access;
using Parley.Model;
using Parley.Talks.Ledger;
using Parley.Talks.Rules;
using Parley.Talks.Service;
using static Parley.Talks.Tests.TalksFixture;

namespace Parley.Talks.Tests.Blind;

public sealed class SingleTextTests
{
    private static readonly Dictionary<string, string> Text1 = new() { ["C"] = "C2", ["T"] = "T2", ["G"] = "G3" };
    private static readonly Dictionary<string, string> Text2 = new() { ["C"] = "C2", ["T"] = "T3", ["G"] = "G3" };

    private static async Task<TalksFixture> AtS5()
    {
        var f = await CreateAsync(scenario: FlagshipBeforeS5);
        await f.Do(Party("RU"), (s, c) => TalksRules.OpenStage(s, c, "S5"));
        return f;
    }

    private static Dictionary<string, IssueMark?> Marks(params IssueMark[] marks) =>
        new[] { "C", "G", "T" }.Select((k, i) => (k, (IssueMark?)marks[i])).ToDictionary();

    private static Task<IReadOnlyList<SingleTextView>> Texts(TalksFixture f, Caller c) => f.Service.ReadAsync(f.Id, s => BlindViews.Texts(s, c));

    [Fact]
    public async Task Table_Mark_Revise_Submit_Sign()
    {
        await using var f = await AtS5();
        await f.Do(Mediator, (s, c) => TalksRules.TableSingleText(s, c, "S5", Text1, "first draft"));
        await f.Do(Party("RU"), (s, c) => TalksRules.MarkSingleText(s, c, "S5", 1, Marks(IssueMark.Acceptable, IssueMark.Acceptable, IssueMark.NeedsChange)));
        await f.Do(Party("UA"), (s, c) => TalksRules.MarkSingleText(s, c, "S5", 1, Marks(IssueMark.Acceptable, IssueMark.NeedsChange, IssueMark.Acceptable)));

        var desk = (await Texts(f, Mediator)).Single().Rounds.Single();
        Assert.Equal(new Dictionary<string, int> { ["C"] = 0, ["G"] = 1, ["T"] = 1 }, desk.Objections);
        Assert.Equal(2, desk.Marked);
        Assert.All(desk.Objectors!.Values, names => Assert.Empty(names));
        Assert.Null(desk.Own);

        // A party sees its own marks and no counts; others' marks never.
        var ua = (await Texts(f, Party("UA"))).Single().Rounds.Single();
        Assert.Null(ua.Objections);
        Assert.Equal(IssueMark.NeedsChange, ua.Own!["G"]);
        var events = await f.Service.ReadEventsAsync(f.Id, Party("UA"), 0, 500);
        Assert.Single(events.Events, e => e.Event is SingleTextMarked);
        Assert.DoesNotContain(await f.Service.ReadEventsAsync(f.Id, Mediator, 0, 500) is var m ? m.Events : [], e => e.Event is SingleTextMarked);
        Assert.Empty(await Texts(f, Party("EU")));

        // Revised: old marks stay with round 1; a mark for round 1 is now refused.
        await f.Do(Mediator, (s, c) => TalksRules.TableSingleText(s, c, "S5", Text2, "T moved"));
        Assert.Equal(TalksRules.Lifecycle, (await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Party("RU"), (s, c) => TalksRules.MarkSingleText(s, c, "S5", 1, Marks(IssueMark.Acceptable, IssueMark.Acceptable, IssueMark.Acceptable))))).Rule);

        string? proposal = null;
        await f.Do(Mediator, (s, c) =>
        {
            var e = TalksRules.SubmitSingleText(s, c, "S5");
            proposal = ((SingleTextSubmitted)e[1]).Proposal;
            return e;
        });
        Assert.Equal("S5.mediator.P1", proposal);
        foreach (var p in new[] { "RU", "UA", "US" })
        {
            await f.Do(Party(p), (s, c) => TalksRules.AnswerProposal(s, c, proposal!, true, ""));
        }

        foreach (var p in new[] { "RU", "UA", "US" })
        {
            await f.Do(Party(p), (s, c) => TalksRules.SignAgreement(s, c, proposal!));
        }

        var signed = await f.Service.ReadAsync(f.Id, s => TalksViews.Proposal(s, Party("UA"), proposal!));
        Assert.Equal(["RU", "UA", "US"], signed!.SignedBy.Order());
        Assert.Equal("T3", signed.Package["T"]);
    }

    [Fact]
    public async Task OnlyTheMediatorAtTheTable_TablesTheText()
    {
        await using var f = await CreateAsync();
        Assert.Equal(TalksRules.MediatorEntry, (await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Mediator, (s, c) => TalksRules.TableSingleText(s, c, "S2", Text1, "")))).Rule);
        Assert.Equal(TalksRules.Participants, (await Assert.ThrowsAsync<RuleViolationException>(() =>
            f.Do(Party("RU"), (s, c) => TalksRules.TableSingleText(s, c, "S2", Text1, "")))).Rule);
    }

    [Fact]
    public async Task NamedObjectors_AppearOnlyWithConsent()
    {
        await using var f = await AtS5();
        await f.Do(Party("UA"), (s, c) => TalksRules.SetConsent(s, c, new BlindConsent(true, false, false, Named: true)));
        await f.Do(Mediator, (s, c) => TalksRules.TableSingleText(s, c, "S5", Text1, ""));
        await f.Do(Party("RU"), (s, c) => TalksRules.MarkSingleText(s, c, "S5", null, Marks(IssueMark.NeedsChange, IssueMark.Acceptable, IssueMark.Acceptable)));
        await f.Do(Party("UA"), (s, c) => TalksRules.MarkSingleText(s, c, "S5", null, Marks(IssueMark.NeedsChange, IssueMark.Acceptable, IssueMark.Acceptable)));
        var round = (await Texts(f, Mediator)).Single().Rounds.Single();
        Assert.Equal(2, round.Objections!["C"]);
        Assert.Equal(["UA"], round.Objectors!["C"]);
    }

    [Fact]
    public async Task Marks_MustCoverEveryIssue()
    {
        await using var f = await AtS5();
        await f.Do(Mediator, (s, c) => TalksRules.TableSingleText(s, c, "S5", Text1, ""));
        var partial = new Dictionary<string, IssueMark?> { ["C"] = IssueMark.Acceptable };
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => f.Do(Party("RU"), (s, c) => TalksRules.MarkSingleText(s, c, "S5", null, partial)));
        Assert.Contains("marks.G", ex.Message, StringComparison.Ordinal);
        Assert.Equal(StageStatus.Open, (await f.View(Party("RU"))).Stages!.Single(st => st.Id == "S5").Status);
    }
}
