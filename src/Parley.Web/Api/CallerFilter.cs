using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Parley.Talks.Access;
using Parley.Talks.Service;

namespace Parley.Web.Api;

/// <summary>
/// Authenticates and authorizes every request to <c>/api/talks/{id}/…</c> before anything else is
/// looked at (body, headers, ids): no token → the public; a live token of this talks (or the
/// organiser's) → its role; any other token → 401 (the same answer for an unknown, a revoked and
/// another talks' token). Writes by a role that never writes answer 403 before the body is read.
/// Runs as middleware after routing, so it precedes model binding.
/// </summary>
internal static class CallerFilter
{
    private const string ItemKey = "parley.caller";
    private const string TokenKey = "parley.token-hash";

    public static Caller Of(HttpContext http) => (Caller)http.Items[ItemKey]!;

    /// <summary>The hash of the caller's token, or null for the public.</summary>
    public static string? TokenHash(HttpContext http) => http.Items[TokenKey] as string;

    public static async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments("/api/talks") || http.GetRouteValue("id") is not string id)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var token = BearerToken(http.Request);
        var service = (TalksService)http.RequestServices.GetService(typeof(TalksService))!;
        var caller = token is null ? Caller.Public : await service.AuthenticateAsync(id, token, http.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await TypedResults.Problem(new ProblemDetails { Status = 401, Title = "Unauthorized", Detail = "the token is not valid for these talks" }).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var tokens = http.Request.Path.StartsWithSegments($"/api/talks/{id}/tokens");
        var write = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        var allowed = tokens ? caller.Kind == RoleKind.Organiser : !write || caller.Kind is RoleKind.Party or RoleKind.Mediator;
        if (!allowed)
        {
            var detail = tokens ? "only the organiser manages tokens" : "only a party delegation or the mediator may do this";
            await TypedResults.Problem(new ProblemDetails { Status = 403, Title = "Forbidden", Detail = detail }).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        http.Items[ItemKey] = caller;
        http.Items[TokenKey] = token is null ? null : Tokens.Hash(token);
        await next(http).ConfigureAwait(false);
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
