using Parley.Model;
using W = Parley.Scenarios.Diff.ChangeWords;

namespace Parley.Scenarios.Diff;

internal sealed partial class ScenarioDiffer
{
    private static ProcessSpec NeedProcess(Scenario s) => s.Process ?? throw new ChangeNotApplicableException("the scenario has no process section");

    private void Process()
    {
        var (x, y) = (a.Process, b.Process);
        if (Equals(x, y))
        {
            return;
        }

        if (x is null || y is null)
        {
            Add(x is null ? ChangeKind.Added : ChangeKind.Removed, ScenarioElement.Process, "process",
                x is null ? null : W.Process(x), y is null ? null : W.Process(y), s => s with { Process = y });
            return;
        }

        Fields("process", ScenarioElement.Process, x, y, (s, edit) => s with { Process = edit(NeedProcess(s)) },
        [
            new("mediator", p => W.OrNone(p.Mediator), (t, s) => t with { Mediator = s.Mediator }),
            new("mediator_enters", p => W.OrNone(p.MediatorEntersAt), (t, s) => t with { MediatorEntersAt = s.MediatorEntersAt }),
        ]);
        var stages = new ListLens<Stage>("the stages", s => s.Process?.Stages, (s, l) => s with { Process = NeedProcess(s) with { Stages = l } });
        Keyed("process.stages", ScenarioElement.Stage, stages, x.Stages, y.Stages, st => st.Id, (st, _) => W.Stage(st),
        [
            new("name", st => st.Name, (t, s) => t with { Name = s.Name }),
            new("status", st => W.Enum(st.Status), (t, s) => t with { Status = s.Status }),
            new("participants", st => W.List(st.Participants), (t, s) => t with { Participants = s.Participants }),
            new("after", st => W.List(st.After), (t, s) => t with { After = s.After }),
            new("agenda", st => W.List(st.Agenda), (t, s) => t with { Agenda = s.Agenda }),
            new("success", st => st.Success, (t, s) => t with { Success = s.Success }),
        ]);
        var venues = new ListLens<Venue>("the venues", s => s.Process?.Venues, (s, l) => s with { Process = NeedProcess(s) with { Venues = l } });
        Keyed("process.venues", ScenarioElement.Venue, venues, x.Venues, y.Venues, v => v.Id, (v, _) => W.Venue(v),
        [
            new("name", v => v.Name, (t, s) => t with { Name = s.Name }),
            new("accepted_by", v => W.List(v.AcceptedBy), (t, s) => t with { AcceptedBy = s.AcceptedBy }),
            new("rejected_by", v => W.List(v.RejectedBy), (t, s) => t with { RejectedBy = s.RejectedBy }),
        ]);
        var deadlines = new ListLens<Deadline>("the deadlines", s => s.Process?.Deadlines, (s, l) => s with { Process = NeedProcess(s) with { Deadlines = l } });
        Keyed("process.deadlines", ScenarioElement.Deadline, deadlines, x.Deadlines, y.Deadlines, d => d.Id, (d, _) => W.Deadline(d),
        [
            new("name", d => d.Name, (t, s) => t with { Name = s.Name }),
            new("date", d => W.Date(d.Date), (t, s) => t with { Date = s.Date }),
            new("stage", d => W.OrNone(d.Stage), (t, s) => t with { Stage = s.Stage }),
            new("set_by", d => W.OrNone(d.SetBy), (t, s) => t with { SetBy = s.SetBy }),
            new("consequence", d => W.Enum(d.Consequence), (t, s) => t with { Consequence = s.Consequence }),
            new("note", d => d.ConsequenceNote, (t, s) => t with { ConsequenceNote = s.ConsequenceNote }),
        ]);
        Fields("process.confidentiality", ScenarioElement.Confidentiality, x.Confidentiality, y.Confidentiality,
            (s, edit) => s with { Process = NeedProcess(s) with { Confidentiality = edit(NeedProcess(s).Confidentiality) } },
        [
            new("contents", c => W.Enum(c.Contents), (t, s) => t with { Contents = s.Contents }),
            new("positions", c => W.Enum(c.Positions), (t, s) => t with { Positions = s.Positions }),
            new("statements", c => W.Enum(c.Statements), (t, s) => t with { Statements = s.Statements }),
            new("disclosure_to", c => W.Enum(c.DisclosureTo), (t, s) => t with { DisclosureTo = s.DisclosureTo }),
            new("blind_checks", c => W.Enum(c.BlindChecks), (t, s) => t with { BlindChecks = s.BlindChecks }),
            new("check_budget", c => c.CheckBudget.ToString(System.Globalization.CultureInfo.InvariantCulture), (t, s) => t with { CheckBudget = s.CheckBudget }),
        ]);
    }
}
