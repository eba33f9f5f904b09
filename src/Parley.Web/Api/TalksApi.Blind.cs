using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;
using Parley.Talks.Rules;
using Parley.Talks.Service;
using Parley.Web.Api.Contracts;

namespace Parley.Web.Api;

/// <summary>The mediator's desk: consent, blind checks, blind bids, the single text. See docs/mediation.md.</summary>
internal static partial class TalksApi
{
    private static void MapBlindApi(RouteGroupBuilder talks)
    {
        talks.MapGet("/blind", (HttpContext h, string id) => Read(h, id, BlindViews.Desk)).WithSummary("The mediator's desk as the caller sees it: consents, checks, budget, bidding rounds, single texts.");
        talks.MapGet("/blind/consent", (HttpContext h, string id) => Read(h, id, BlindViews.Consents)).WithSummary("Consents (a party: its own; the mediator: every party's).");
        talks.MapPost("/blind/consent", Consent).WithSummary("Give, change or revoke (all false) the caller's consent to blind checks (a party).");
        talks.MapGet("/blind/checks", (HttpContext h, string id) => Read(h, id, BlindViews.Checks)).WithSummary("Checks the caller asked for or that used its data.");
        talks.MapPost("/blind/check", Check).WithSummary("A blind check over consenting parties (the mediator; participants where confidentiality.blind_checks allows). 409 naming a party that did not consent, or when the budget is spent.");
        talks.MapGet("/blind/bids", (HttpContext h, string id) => Read(h, id, BlindViews.Rounds)).WithSummary("Bidding rounds the caller may see, with its own bid and each result; never another's bid.");
        talks.MapPost("/blind/bids", OpenRound).WithSummary("Open a blind bidding round in a stage (uses the stage's budget).");
        talks.MapPost("/blind/bids/{round}", Bid).WithSummary("Submit a secret bound; the last bid settles the round (the overlap's midpoint, or \"no overlap\").");
        talks.MapGet("/single-text", (HttpContext h, string id) => Read(h, id, BlindViews.Texts)).WithSummary("Single texts: rounds, own marks (a party), objection counts per issue (the mediator).");
        talks.MapPost("/single-text", TableText).WithSummary("Table or revise a stage's single negotiating text (the mediator at the stage's table).");
        talks.MapPost("/single-text/{stage}/marks", (HttpContext h, string id, string stage, MarksRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.MarkSingleText(s, c, stage, r.Round, r.Marks))).WithSummary("Mark every issue of the latest round acceptable or needs-change (private to the participant).");
        talks.MapPost("/single-text/{stage}/submit", SubmitText).WithSummary("Send the latest round to signature: it is tabled as a proposal of the mediator, signed under the stage's rules.");
    }

    private static async Task<Ok<T>> Read<T>(HttpContext http, string id, Func<TalksProjection, Talks.Access.Caller, T> view)
    {
        var caller = CallerFilter.Of(http);
        return TypedResults.Ok(await Service(http).ReadAsync(id, s => view(s, caller), http.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<Ok<ConsentResponse>> Consent(HttpContext http, string id, ConsentRequest r)
    {
        var consent = new BlindConsent(r.Weights, r.Reservation, r.RedLines, r.Named);
        var response = (await Command(http, id, r, (s, c) => TalksRules.SetConsent(s, c, consent)).ConfigureAwait(false)).Value!;
        return TypedResults.Ok(new ConsentResponse(consent, response.Version));
    }

    private static async Task<Ok<BlindCheckResponse>> Check(HttpContext http, string id, BlindCheckRequest r)
    {
        var (response, events) = await Appended(http, id, r, (s, c) => TalksRules.Check(s, c, r.Parties, r.Rule, r.Stage)).ConfigureAwait(false);
        var made = events.OfType<BlindCheckMade>().Single();
        var caller = CallerFilter.Of(http);
        var remaining = await Service(http).ReadAsync(id, s => BlindViews.Remaining(s, caller).GetValueOrDefault(made.Stage ?? "T"), http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(BlindCheckResponse.From(made, remaining, response.Version));
    }

    private static async Task<Ok<DeskCommandResponse>> OpenRound(HttpContext http, string id, OpenBidRoundRequest r)
    {
        var (response, events) = await Appended(http, id, r, (s, c) => TalksRules.OpenBidRound(s, c, r.Stage, r.Issue, r.Subject, r.Min, r.Max, r.Unit)).ConfigureAwait(false);
        return TypedResults.Ok(new DeskCommandResponse(events.OfType<BidRoundOpened>().Single().Round, null, response.Version));
    }

    private static async Task<Ok<DeskCommandResponse>> Bid(HttpContext http, string id, string round, BidRequest r)
    {
        var (response, events) = await Appended(http, id, r, (s, c) => TalksRules.Bid(s, c, round, r.Side, r.Bound, r.RevealGap)).ConfigureAwait(false);
        var settled = events.OfType<BidRoundSettled>().SingleOrDefault();
        return TypedResults.Ok(new DeskCommandResponse(round, settled is null ? null : new BidResult(settled.Overlap, settled.Value, settled.Gap), response.Version));
    }

    private static async Task<Ok<DeskCommandResponse>> TableText(HttpContext http, string id, SingleTextRequest r)
    {
        var (response, events) = await Appended(http, id, r, (s, c) => TalksRules.TableSingleText(s, c, r.Stage, r.Package, r.Note)).ConfigureAwait(false);
        var tabled = events.OfType<SingleTextTabled>().Single();
        return TypedResults.Ok(new DeskCommandResponse($"{tabled.Stage}.R{tabled.Round}", null, response.Version));
    }

    private static async Task<Ok<DeskCommandResponse>> SubmitText(HttpContext http, string id, string stage)
    {
        var (response, events) = await Appended(http, id, null, (s, c) => TalksRules.SubmitSingleText(s, c, stage)).ConfigureAwait(false);
        return TypedResults.Ok(new DeskCommandResponse(events.OfType<SingleTextSubmitted>().Single().Proposal, null, response.Version));
    }

    /// <summary>Runs a command and reads back, from the caller's own share of the ledger, the events it appended (also on an idempotent replay).</summary>
    private static async Task<(CommandResponse Response, IReadOnlyList<TalksEvent> Events)> Appended(
        HttpContext http, string id, object? body, Func<TalksProjection, Talks.Access.Caller, IReadOnlyList<TalksEvent>> decide)
    {
        var response = (await Command(http, id, body, decide).ConfigureAwait(false)).Value!;
        var count = (int)(response.Version - response.FirstVersion + 1);
        if (count <= 0)
        {
            return (response, []);
        }

        var page = await Service(http).ReadEventsAsync(id, CallerFilter.Of(http), response.FirstVersion - 1, count, http.RequestAborted).ConfigureAwait(false);
        return (response, [.. page.Events.Select(e => e.Event)]);
    }
}
