using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;
using Parley.Talks.Rules;
using Parley.Talks.Service;
using Parley.Web.Api.Contracts;

namespace Parley.Web.Api;

/// <summary>The JSON API under <c>/api</c>. See docs/api.md.</summary>
internal static partial class TalksApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static void MapTalksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/talks", ListTalks).WithSummary("List talks (public: id, title, opening date). Keyset pagination: after, limit.");
        api.MapPost("/talks", AccessApi.OpenTalks).WithSummary("Open talks from a scenario (the organiser only); answers one token per role, shown once.");
        api.MapGet("/session", (Delegate)Session).WithSummary("Who the bearer token stands for (401 without a valid token).");

        var talks = api.MapGroup("/talks/{id}");
        talks.MapGet("", Overview).WithSummary("Everything the caller may see of the talks; ETag is the caller's view version.");
        talks.MapGet("/statements", Statements).WithSummary("Statements the caller may read. Pagination: after (cursor), limit.");
        talks.MapGet("/proposals", Proposals).WithSummary("Proposals the caller may read (stage contents). Pagination: after (cursor), limit.");
        talks.MapGet("/proposals/{proposal}", ProposalOf).WithSummary("One proposal; 404 when it does not exist or the caller may not see it (the same answer).");
        talks.MapGet("/position", OwnPosition).WithSummary("The caller's own private position (a party only; 404 otherwise).");
        talks.MapGet("/positions/{party}", PositionOf).WithSummary("A party's position, where the policy lets the caller see it; 404 otherwise, whether or not it exists.");
        talks.MapPut("/position", SubmitPosition).WithSummary("Submit the caller's private position (a party only).");
        talks.MapGet("/disclosures", Disclosures).WithSummary("The disclosures the caller may see (a party: its own; the mediator: those made to it).");
        talks.MapPost("/disclosures", Disclose).WithSummary("Disclose parts of the caller's position (to whom confidentiality.disclosure_to names).");
        talks.MapGet("/events", Events).WithSummary("The caller's share of the ledger, numbered by its own sequence. Pagination: after (cursor), limit.");
        talks.MapGet("/export", Export).WithSummary("Everything the caller may see, with a page of its share of the ledger. Pagination: after (cursor), limit.");
        talks.MapGet("/analysis", Analysis).WithSummary("The bargaining lens on the caller's share of private data (party: own position; mediator: disclosures), with an SVG frontier plot.");
        talks.MapGet("/live", LiveFeed.StreamAsync).WithSummary("Server-sent events: the caller's share of every new ledger event.");
        AccessApi.MapTokens(talks);
        MapBlindApi(talks);

        talks.MapPost("/negotiators", (HttpContext h, string id, AppointNegotiatorRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.AppointNegotiator(s, c, r.Name, r.Role))).WithSummary("Appoint a negotiator (party).");
        talks.MapPost("/stages/{stage}/open", (HttpContext h, string id, string stage) =>
            Command(h, id, null, (s, c) => TalksRules.OpenStage(s, c, stage))).WithSummary("Open a stage (rules participants-only, stage-order).");
        talks.MapPost("/stages/{stage}/close", (HttpContext h, string id, string stage, CloseStageRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.CloseStage(s, c, stage, r.Outcome, r.Reason))).WithSummary("Fail a stage, or agree that it succeeded (it closes as done when every participant agreed: rule stage-consensus).");
        talks.MapPost("/venues", (HttpContext h, string id, ProposeVenueRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.ProposeVenue(s, c, r.Id, r.Name))).WithSummary("Propose a venue.");
        talks.MapPost("/venues/{venue}/accept", (HttpContext h, string id, string venue) =>
            Command(h, id, null, (s, c) => TalksRules.AnswerVenue(s, c, venue, accept: true))).WithSummary("Accept a venue (party).");
        talks.MapPost("/venues/{venue}/reject", (HttpContext h, string id, string venue) =>
            Command(h, id, null, (s, c) => TalksRules.AnswerVenue(s, c, venue, accept: false))).WithSummary("Reject a venue (party).");
        talks.MapPost("/meetings", (HttpContext h, string id, ProposeMeetingRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.ProposeMeeting(s, c, r.Id, r.Stage, r.Venue, r.Date))).WithSummary("Propose a meeting of a stage (its participants; the mediator at its table).");
        talks.MapPost("/meetings/{meeting}/schedule", (HttpContext h, string id, string meeting) =>
            Command(h, id, null, (s, c) => TalksRules.ScheduleMeeting(s, c, meeting))).WithSummary("Confirm a meeting (rule venue-consensus).");
        talks.MapPost("/meetings/{meeting}/hold", (HttpContext h, string id, string meeting, NoteRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.HoldMeeting(s, c, meeting, r.Text))).WithSummary("Record that a meeting took place, with its minutes (stage contents).");
        talks.MapPost("/meetings/{meeting}/cancel", (HttpContext h, string id, string meeting, NoteRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.CancelMeeting(s, c, meeting, r.Text))).WithSummary("Cancel a meeting.");
        talks.MapPost("/deadlines", (HttpContext h, string id, SetDeadlineRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.SetDeadline(s, c, r.Id, r.Name, r.Date, r.Stage, r.Consequence, r.Note, Today(h)))).WithSummary("Set a deadline (rule deadline-date; a stage's deadline by its participants).");
        talks.MapPost("/proposals", (HttpContext h, string id, TableProposalRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.TableProposal(s, c, r.Stage, r.Package, r.Note, r.CounterTo))).WithSummary("Table or counter a proposal (rules participants-only, mediator-entry, stalled).");
        talks.MapPost("/proposals/{proposal}/accept", (HttpContext h, string id, string proposal) =>
            Command(h, id, null, (s, c) => TalksRules.AnswerProposal(s, c, proposal, accept: true, ""))).WithSummary("Accept a proposal (replaces an earlier rejection).");
        talks.MapPost("/proposals/{proposal}/reject", (HttpContext h, string id, string proposal, NoteRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.AnswerProposal(s, c, proposal, accept: false, r.Text))).WithSummary("Reject a proposal (replaces an earlier acceptance).");
        talks.MapPost("/proposals/{proposal}/withdraw", (HttpContext h, string id, string proposal, NoteRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.WithdrawProposal(s, c, proposal, r.Text))).WithSummary("Withdraw one's own proposal.");
        talks.MapPost("/proposals/{proposal}/sign", (HttpContext h, string id, string proposal) =>
            Command(h, id, null, (s, c) => TalksRules.SignAgreement(s, c, proposal))).WithSummary("Sign the agreement a proposal embodies (rule agreement-consensus).");
        talks.MapPost("/statements", (HttpContext h, string id, StatementRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.IssueStatement(s, c, r.Text, r.Public, r.Stage))).WithSummary("Issue a public or private statement.");
    }

    private static async Task<Results<Ok<Page<TalksListItem>>, ProblemHttpResult>> ListTalks(HttpContext http, string? after, int? limit)
    {
        var service = Service(http);

        // The list is public, but a token that is sent must be valid: a typo'd token should not silently read as "the public".
        if (CallerFilter.BearerToken(http.Request) is { } token && await service.FindTokenAsync(token, http.RequestAborted).ConfigureAwait(false) is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(new ProblemDetails { Status = 401, Title = "Unauthorized", Detail = "the token is not valid" });
        }

        var n = Limit(limit);
        var rows = await service.Store.ListTalksAsync(after, n + 1, http.RequestAborted).ConfigureAwait(false);
        var items = rows.Take(n).Select(r => new TalksListItem(r.Id, r.Title, r.CreatedAt)).ToList();
        return TypedResults.Ok(new Page<TalksListItem>(items, rows.Count > n ? items[^1].Id : null));
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> Session(HttpContext http)
    {
        var token = CallerFilter.BearerToken(http.Request);
        var record = token is null ? null : await Service(http).FindTokenAsync(token, http.RequestAborted).ConfigureAwait(false);
        if (record is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(new ProblemDetails { Status = 401, Title = "Unauthorized", Detail = "send a valid bearer token" });
        }

        return TypedResults.Ok(new SessionResponse(record.TalksId, record.Kind, record.Party, record.Label));
    }

    private static async Task<Ok<TalksOverview>> Overview(HttpContext http, string id)
    {
        var caller = CallerFilter.Of(http);
        var view = await Service(http).ReadAsync(id, s => TalksViews.Overview(s, caller), http.RequestAborted).ConfigureAwait(false);
        if (view.Version is { } v)
        {
            http.Response.Headers.ETag = $"\"{v}\"";
        }

        return TypedResults.Ok(view);
    }

    private static async Task<Ok<Page<StatementState>>> Statements(HttpContext http, string id, string? after, int? limit)
    {
        var caller = CallerFilter.Of(http);
        var (start, n) = (Cursor(after), Limit(limit));
        return TypedResults.Ok(await Service(http).ReadAsync(id, s => Paged(TalksViews.Statements(s, caller), start, n), http.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<Ok<Page<ProposalState>>> Proposals(HttpContext http, string id, string? after, int? limit)
    {
        var caller = CallerFilter.Of(http);
        var (start, n) = (Cursor(after), Limit(limit));
        return TypedResults.Ok(await Service(http).ReadAsync(id, s => Paged(TalksViews.Proposals(s, caller), start, n), http.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<Ok<ProposalState>> ProposalOf(HttpContext http, string id, string proposal)
    {
        var caller = CallerFilter.Of(http);
        var found = await Service(http).ReadAsync(id, s => TalksViews.Proposal(s, caller, proposal), http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(found ?? throw new NotFoundException("no such proposal"));
    }

    private static async Task<Ok<Position>> OwnPosition(HttpContext http, string id)
    {
        var caller = CallerFilter.Of(http);
        var position = await Service(http).ReadAsync(id, s => TalksViews.OwnPosition(s, caller), http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(position ?? throw new NotFoundException("no position"));
    }

    private static async Task<Ok<Position>> PositionOf(HttpContext http, string id, string party)
    {
        var caller = CallerFilter.Of(http);
        // Same answer for "not yours to see" and "does not exist": the caller learns nothing about other parties.
        var position = await Service(http).ReadAsync(id, s => TalksViews.PositionOf(s, caller, party), http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(position ?? throw new NotFoundException("no position"));
    }

    private static Task<Ok<CommandResponse>> SubmitPosition(HttpContext http, string id, Position? position) =>
        Command(http, id, position, (s, c) => TalksRules.SubmitPosition(s, c, position));

    private static async Task<Ok<IReadOnlyList<DisclosureState>>> Disclosures(HttpContext http, string id)
    {
        var caller = CallerFilter.Of(http);
        return TypedResults.Ok(await Service(http).ReadAsync(id, s => TalksViews.Disclosures(s, caller) ?? [], http.RequestAborted).ConfigureAwait(false));
    }

    private static Task<Ok<CommandResponse>> Disclose(HttpContext http, string id, DisclosureRequest r) =>
        Command(http, id, r, (s, c) => TalksRules.Disclose(s, c, r.Weights, r.Scores, r.Reservation, r.RedLines, r.Note));

    private static async Task<Ok<Page<EventView>>> Events(HttpContext http, string id, string? after, int? limit)
    {
        var caller = CallerFilter.Of(http);
        var (start, n) = (Cursor(after), Limit(limit));
        var page = await Service(http).ReadEventsAsync(id, caller, start, n, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new Page<EventView>(page.Events, page.Next?.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<Ok<ExportResponse>> Export(HttpContext http, string id, string? after, int? limit)
    {
        var caller = CallerFilter.Of(http);
        var (start, n) = (Cursor(after), Limit(limit));
        var service = Service(http);
        var overview = await service.ReadAsync(id, s => TalksViews.Overview(s, caller), http.RequestAborted).ConfigureAwait(false);
        var page = await service.ReadEventsAsync(id, caller, start, n, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}-{caller.Kind.ToString().ToLowerInvariant()}.json\"";
        return TypedResults.Ok(new ExportResponse(overview, page.Events, page.Next?.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<Ok<AnalysisResponse>> Analysis(HttpContext http, string id)
    {
        var caller = CallerFilter.Of(http);
        var ct = http.RequestAborted;
        var analysis = await Service(http).ReadAsync(id, s => TalksAnalysis.Run(s, caller, ct), ct).ConfigureAwait(false);
        return TypedResults.Ok(new AnalysisResponse(analysis, FrontierPlot.Svg(analysis)));
    }

    /// <summary>Today on the service's clock (deadlines may not fall before it).</summary>
    private static DateOnly Today(HttpContext http) =>
        DateOnly.FromDateTime(((TimeProvider)http.RequestServices.GetService(typeof(TimeProvider))!).GetUtcNow().UtcDateTime);

    private static async Task<Ok<CommandResponse>> Command(HttpContext http, string id, object? body, Func<TalksProjection, Caller, IReadOnlyList<TalksEvent>> decide)
    {
        var caller = CallerFilter.Of(http);
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200)
        {
            throw new BadHttpRequestException("Idempotency-Key: at most 200 characters");
        }

        long? expected = null;
        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim().Trim('"');
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            expected = long.TryParse(ifMatch, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                : throw new BadHttpRequestException("If-Match: your view version, e.g. \"12\"");
        }

        // A retry must hash the same: method, path, caller and the body as parsed.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{http.Request.Method} {http.Request.Path} {caller.Actor} {(body is null ? "" : JsonSerializer.Serialize(body, body.GetType(), EventJson.Options))}")));
        var service = Service(http);
        var result = await service.ExecuteAsync(id, caller, expected, key.Length == 0 ? null : key, hash, decide, http.RequestAborted).ConfigureAwait(false);
        var logger = Logger(http);
        if (logger.IsEnabled(LogLevel.Information))
        {
            LogCommand(logger, http.Request.Path.Value ?? "", caller.Actor, result.LastVersion, result.Replayed);
        }
        http.Response.Headers.ETag = $"\"{result.LastVersion}\"";
        return TypedResults.Ok(new CommandResponse(result.LastVersion, result.FirstVersion, result.Replayed));
    }

    /// <summary>A page of the caller's list from position <paramref name="start"/>; the cursor is the position after it (lists only grow).</summary>
    private static Page<T> Paged<T>(IReadOnlyList<T> items, int start, int limit)
    {
        var page = items.Skip(start).Take(limit).ToList();
        var end = start + page.Count;
        return new Page<T>(page, end < items.Count ? end.ToString(CultureInfo.InvariantCulture) : null);
    }

    private static int Cursor(string? after) => after is null ? 0
        : int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new BadHttpRequestException("after: a cursor from an earlier page's 'next'");

    private static int Limit(int? limit) => limit is null ? DefaultLimit
        : limit is >= 1 and <= MaxLimit ? limit.Value
        : throw new BadHttpRequestException($"limit must be between 1 and {MaxLimit}");

    private static TalksService Service(HttpContext http) => (TalksService)http.RequestServices.GetService(typeof(TalksService))!;

    private static ILogger Logger(HttpContext http) =>
        ((ILoggerFactory)http.RequestServices.GetService(typeof(ILoggerFactory))!).CreateLogger("Parley.Web.Api");

    // Path, actor and version only: never a body.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} by {Actor} → version {Version} (replayed: {Replayed})")]
    private static partial void LogCommand(ILogger logger, string path, string actor, long version, bool replayed);
}
