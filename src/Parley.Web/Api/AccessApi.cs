using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Parley.Scenarios;
using Parley.Talks.Access;
using Parley.Talks.Rules;
using Parley.Talks.Service;
using Parley.Talks.Storage;
using Parley.Web.Api.Contracts;

namespace Parley.Web.Api;

/// <summary>
/// The organiser's routes: open talks from a scenario; list, issue, rotate and revoke tokens. Every
/// token change is a ledger event the organiser alone sees. Token texts are shown once, when issued.
/// </summary>
internal static class AccessApi
{
    public static void MapTokens(RouteGroupBuilder talks)
    {
        talks.MapGet("/tokens", ListTokens).WithSummary("The talks' tokens by id, live and revoked (the organiser only).");
        talks.MapPost("/tokens", IssueToken).WithSummary("Issue a delegation, mediator or observer token (the organiser only); its text is shown once.");
        talks.MapPost("/tokens/{token}/rotate", RotateToken).WithSummary("Replace a token by a new one for the same role; the old one answers 401 at once.");
        talks.MapPost("/tokens/{token}/revoke", RevokeToken).WithSummary("Revoke a token: it answers 401 at once and its live feeds end.");
    }

    /// <summary><c>POST /api/talks</c>: the organiser opens talks from a scenario's YAML.</summary>
    public static async Task<Results<Created<OpenedTalksResponse>, ProblemHttpResult>> OpenTalks(HttpContext http, OpenTalksRequest request)
    {
        var service = (TalksService)http.RequestServices.GetService(typeof(TalksService))!;
        var token = CallerFilter.BearerToken(http.Request);
        var record = token is null ? null : await service.FindTokenAsync(token, http.RequestAborted).ConfigureAwait(false);
        if (token is not null && record is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(new ProblemDetails { Status = 401, Title = "Unauthorized", Detail = "the token is not valid" });
        }

        if (record?.Kind != RoleKind.Organiser)
        {
            return TypedResults.Problem(new ProblemDetails { Status = 403, Title = "Forbidden", Detail = "only the organiser opens talks" });
        }

        TalksRules.Require(!string.IsNullOrWhiteSpace(request.Scenario), TalksRules.References, "scenario: the scenario's YAML text is required");
        var loaded = ScenarioLoader.Load(Encoding.UTF8.GetBytes(request.Scenario!), "scenario.yaml");
        if (loaded.Scenario is null)
        {
            var problem = new ProblemDetails { Status = 422, Title = "Invalid scenario", Detail = loaded.Errors.First().ToString() };
            problem.Extensions["rule"] = "scenario";
            problem.Extensions["errors"] = loaded.Errors.Select(e => e.ToString()).ToList();
            return TypedResults.Problem(problem);
        }

        try
        {
            var created = await service.CreateAsync(loaded.Scenario, request.Id, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created($"/api/talks/{created.Id}", new OpenedTalksResponse(created.Id, created.Tokens));
        }
        catch (ConcurrencyException)
        {
            throw new RuleViolationException(TalksRules.References, $"id: talks '{request.Id ?? loaded.Scenario.Id}' exist already");
        }
    }

    private static async Task<Ok<IReadOnlyList<TokenView>>> ListTokens(HttpContext http, string id)
    {
        var service = Service(http);
        await service.ReadAsync(id, _ => 0, http.RequestAborted).ConfigureAwait(false);
        var tokens = await service.ListTokensAsync(id, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<TokenView>>([.. tokens.Select(View)]);
    }

    private static async Task<Ok<IssuedToken>> IssueToken(HttpContext http, string id, IssueTokenRequest request) =>
        TypedResults.Ok(await Service(http).IssueTokenAsync(id, request.Kind, request.Party, request.Label, http.RequestAborted).ConfigureAwait(false));

    private static async Task<Ok<IssuedToken>> RotateToken(HttpContext http, string id, string token)
    {
        var service = Service(http);
        await service.ReadAsync(id, _ => 0, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(await service.RotateTokenAsync(id, token, http.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<NoContent> RevokeToken(HttpContext http, string id, string token, NoteRequest? request)
    {
        var service = Service(http);
        await service.ReadAsync(id, _ => 0, http.RequestAborted).ConfigureAwait(false);
        await service.RevokeTokenAsync(id, token, request?.Text, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static TokenView View(TokenRecord t) => new(t.Id, t.Kind, t.Party, t.Label, t.Revoked);

    private static TalksService Service(HttpContext http) => (TalksService)http.RequestServices.GetService(typeof(TalksService))!;
}
