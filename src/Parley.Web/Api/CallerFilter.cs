using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Parley.Talks.Access;
using Parley.Talks.Service;

namespace Parley.Web.Api;

/// <summary>
/// Authenticates every request to <c>/api/talks/{id}/…</c>: no token → the public; a token of this
/// talks → its role; any other token → 401 (the same answer for an unknown token and for a token of
/// other talks, so a token reveals nothing about talks it does not open).
/// </summary>
internal static class CallerFilter
{
    private const string ItemKey = "parley.caller";

    public static Caller Of(HttpContext http) => (Caller)http.Items[ItemKey]!;

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var id = (string)http.GetRouteValue("id")!;
        var token = BearerToken(http.Request);
        var service = http.RequestServices.GetService(typeof(TalksService)) as TalksService ?? throw new InvalidOperationException("no TalksService");
        var caller = token is null ? Caller.Public : await service.AuthenticateAsync(id, token, http.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(new ProblemDetails { Status = 401, Title = "Unauthorized", Detail = "the token is not valid for these talks" });
        }

        http.Items[ItemKey] = caller;
        return await next(context).ConfigureAwait(false);
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
