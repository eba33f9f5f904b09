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
        api.MapGet("/session", (Delegate)Session).WithSummary("Who the bearer token stands for (401 without a valid token).");

        var talks = api.MapGroup("/talks/{id}").AddEndpointFilter(CallerFilter.InvokeAsync);
        talks.MapGet("", Overview).WithSummary("Everything the caller may see of the talks.");
        talks.MapGet("/statements", Statements).WithSummary("Statements the caller may read (public ones for everyone). Pagination: after (statement id), limit.");
        talks.MapGet("/proposals", Proposals).WithSummary("Proposals (parties and mediator).");
        talks.MapGet("/position", OwnPosition).WithSummary("The caller's own private position (a party only; 404 otherwise).");
        talks.MapGet("/positions/{party}", PositionOf).WithSummary("A party's position: its own delegation only; 404 for anyone else, whether or not it exists.");
        talks.MapPut("/position", SubmitPosition).WithSummary("Submit the caller's private position (a party only).");
        talks.MapGet("/disclosures", Disclosures).WithSummary("A party's own disclosures; all disclosures for the mediator.");
        talks.MapPost("/disclosures", Disclose).WithSummary("Disclose parts of the caller's position to the mediator.");
        talks.MapGet("/events", Events).WithSummary("The ledger as the caller may see it. Pagination: after (version), limit.");
        talks.MapGet("/export", Export).WithSummary("Everything the caller may see, with its share of the ledger, as one JSON document.");
        talks.MapGet("/analysis", Analysis).WithSummary("The bargaining lens on the caller's share of private data (party: own position; mediator: disclosures), with an SVG frontier plot.");
        talks.MapGet("/live", LiveFeed.StreamAsync).WithSummary("Server-sent events: the caller's share of every new ledger event.").Produces(200, contentType: "text/event-stream");

        talks.MapPost("/negotiators", (HttpContext h, string id, AppointNegotiatorRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.AppointNegotiator(s, c, r.Name, r.Role ?? ""))).WithSummary("Appoint a negotiator (party).");
        talks.MapPost("/stages/{stage}/open", (HttpContext h, string id, string stage) =>
            Command(h, id, null, (s, c) => TalksRules.OpenStage(s, c, stage))).WithSummary("Open a stage (rule stage-order).");
        talks.MapPost("/stages/{stage}/close", (HttpContext h, string id, string stage, CloseStageRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.CloseStage(s, c, stage, r.Outcome, r.Reason ?? ""))).WithSummary("Close a stage as done or failed.");
        talks.MapPost("/venues", (HttpContext h, string id, ProposeVenueRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.ProposeVenue(s, c, r.Id, r.Name))).WithSummary("Propose a venue.");
        talks.MapPost("/venues/{venue}/accept", (HttpContext h, string id, string venue) =>
            Command(h, id, null, (s, c) => TalksRules.AnswerVenue(s, c, venue, accept: true))).WithSummary("Accept a venue (party).");
        talks.MapPost("/venues/{venue}/reject", (HttpContext h, string id, string venue) =>
            Command(h, id, null, (s, c) => TalksRules.AnswerVenue(s, c, venue, accept: false))).WithSummary("Reject a venue (party).");
        talks.MapPost("/meetings", (HttpContext h, string id, ProposeMeetingRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.ProposeMeeting(s, c, r.Id, r.Stage, r.Venue, r.Date))).WithSummary("Propose a meeting.");
        talks.MapPost("/meetings/{meeting}/schedule", (HttpContext h, string id, string meeting) =>
            Command(h, id, null, (s, c) => TalksRules.ScheduleMeeting(s, c, meeting))).WithSummary("Confirm a meeting (rule venue-consensus).");
        talks.MapPost("/meetings/{meeting}/hold", (HttpContext h, string id, string meeting, NoteRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.HoldMeeting(s, c, meeting, r.Text ?? ""))).WithSummary("Record that a meeting took place.");
        talks.MapPost("/meetings/{meeting}/cancel", (HttpContext h, string id, string meeting, NoteRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.CancelMeeting(s, c, meeting, r.Text ?? ""))).WithSummary("Cancel a meeting.");
        talks.MapPost("/deadlines", (HttpContext h, string id, SetDeadlineRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.SetDeadline(s, c, r.Id, r.Name, r.Date, r.Stage, r.Consequence, r.Note ?? ""))).WithSummary("Set a deadline.");
        talks.MapPost("/proposals", (HttpContext h, string id, TableProposalRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.TableProposal(s, c, r.Id, r.Stage, r.Package ?? [], r.Note ?? "", r.CounterTo))).WithSummary("Table or counter a proposal (rules participants-only, mediator-entry).");
        talks.MapPost("/proposals/{proposal}/accept", (HttpContext h, string id, string proposal) =>
            Command(h, id, null, (s, c) => TalksRules.AnswerProposal(s, c, proposal, accept: true, ""))).WithSummary("Accept a proposal.");
        talks.MapPost("/proposals/{proposal}/reject", (HttpContext h, string id, string proposal, NoteRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.AnswerProposal(s, c, proposal, accept: false, r.Text ?? ""))).WithSummary("Reject a proposal.");
        talks.MapPost("/proposals/{proposal}/sign", (HttpContext h, string id, string proposal) =>
            Command(h, id, null, (s, c) => TalksRules.SignAgreement(s, c, proposal))).WithSummary("Sign the agreement a proposal embodies (rule agreement-consensus).");
        talks.MapPost("/statements", (HttpContext h, string id, StatementRequest r) =>
            Command(h, id, r, (s, c) => TalksRules.IssueStatement(s, c, r.Text, r.Public))).WithSummary("Issue a public or private statement.");
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
        var all = await Service(http).ReadAsync(id, s => TalksViews.Statements(s, caller), http.RequestAborted).ConfigureAwait(false);
        var start = after is null ? 0 : all.ToList().FindIndex(st => st.Id == after) + 1;
        return TypedResults.Ok(Paged(all.Skip(start).ToList(), Limit(limit), st => st.Id));
    }

    private static async Task<Ok<IReadOnlyList<ProposalState>>> Proposals(HttpContext http, string id)
    {
        var caller = CallerFilter.Of(http);
        RequireContents(caller);
        return TypedResults.Ok(await Service(http).ReadAsync(id, s => (IReadOnlyList<ProposalState>)[.. s.Proposals.Values], http.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<Ok<Position>> OwnPosition(HttpContext http, string id)
    {
        var caller = CallerFilter.Of(http);
        var position = await Service(http).ReadAsync(id, s => TalksViews.OwnPosition(s, caller), http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(position ?? throw new NotFoundException("no position"));
    }

    private static Task<Ok<Position>> PositionOf(HttpContext http, string id, string party)
    {
        var caller = CallerFilter.Of(http);
        // Same answer for "not yours" and "does not exist": the caller learns nothing about other parties.
        return caller.Kind == RoleKind.Party && caller.Party == party ? OwnPosition(http, id) : throw new NotFoundException("no position");
    }

    private static Task<Ok<CommandResponse>> SubmitPosition(HttpContext http, string id, Position position) =>
        Command(http, id, position, (s, c) => TalksRules.SubmitPosition(s, c, position));

    private static async Task<Ok<IReadOnlyList<DisclosureState>>> Disclosures(HttpContext http, string id)
    {
        var caller = CallerFilter.Of(http);
        RequireContents(caller);
        return TypedResults.Ok((await Service(http).ReadAsync(id, s => TalksViews.Disclosures(s, caller), http.RequestAborted).ConfigureAwait(false))!);
    }

    private static Task<Ok<CommandResponse>> Disclose(HttpContext http, string id, DisclosureRequest r) =>
        Command(http, id, r, (s, c) => TalksRules.Disclose(s, c, r.Weights, r.Scores, r.Reservation, r.RedLines, r.Note ?? ""));

    private static async Task<Ok<Page<EventView>>> Events(HttpContext http, string id, long? after, int? limit)
    {
        var caller = CallerFilter.Of(http);
        var n = Limit(limit);
        var service = Service(http);
        var items = new List<EventView>();
        var cursor = after ?? 0;
        var more = true;
        // Scan raw pages until a page of visible events is full: hidden events leave gaps, never short pages.
        while (items.Count < n && more)
        {
            var raw = await service.ReadEventsAsync(id, cursor, MaxLimit, http.RequestAborted).ConfigureAwait(false);
            more = raw.Count == MaxLimit;
            foreach (var e in raw)
            {
                cursor = e.Version;
                if (TalksViews.Filter(e, caller) is { } visible)
                {
                    items.Add(View(visible));
                    if (items.Count == n)
                    {
                        more = true;
                        break;
                    }
                }
            }
        }

        return TypedResults.Ok(new Page<EventView>(items, more ? cursor.ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Ok<object>> Export(HttpContext http, string id)
    {
        var caller = CallerFilter.Of(http);
        var service = Service(http);
        var overview = await service.ReadAsync(id, s => TalksViews.Overview(s, caller), http.RequestAborted).ConfigureAwait(false);
        var events = new List<EventView>();
        for (long after = 0; ;)
        {
            var raw = await service.ReadEventsAsync(id, after, MaxLimit, http.RequestAborted).ConfigureAwait(false);
            events.AddRange(raw.Select(e => TalksViews.Filter(e, caller)).OfType<StoredEvent>().Select(View));
            if (raw.Count < MaxLimit)
            {
                break;
            }

            after = raw[^1].Version;
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}-{caller.Kind.ToString().ToLowerInvariant()}.json\"";
        return TypedResults.Ok<object>(new { overview, events });
    }

    private static async Task<Ok<AnalysisResponse>> Analysis(HttpContext http, string id)
    {
        var caller = CallerFilter.Of(http);
        RequireContents(caller);
        var ct = http.RequestAborted;
        var analysis = await Service(http).ReadAsync(id, s => TalksAnalysis.Run(s, caller, ct), ct).ConfigureAwait(false);
        return TypedResults.Ok(new AnalysisResponse(analysis, FrontierPlot.Svg(analysis)));
    }

    internal static EventView View(StoredEvent e) => new(e.Version, e.Event.TypeName, e.Actor, e.At, e.Event);

    private static async Task<Ok<CommandResponse>> Command(HttpContext http, string id, object? body, Func<TalksProjection, Caller, IReadOnlyList<TalksEvent>> decide)
    {
        var caller = CallerFilter.Of(http);
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200)
        {
            throw new BadHttpRequestException("Idempotency-Key is longer than 200 characters");
        }

        long? expected = null;
        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim().Trim('"');
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            expected = long.TryParse(ifMatch, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                : throw new BadHttpRequestException("If-Match must be a talks version, e.g. \"12\"");
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

    private static void RequireContents(Caller caller)
    {
        if (!caller.SeesContents)
        {
            throw new ForbiddenException("only the parties and the mediator see this");
        }
    }

    private static Page<T> Paged<T>(List<T> items, int limit, Func<T, string> cursor)
    {
        var page = items.Take(limit).ToList();
        return new Page<T>(page, items.Count > limit ? cursor(page[^1]) : null);
    }

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
