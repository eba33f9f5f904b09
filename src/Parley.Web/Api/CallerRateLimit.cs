using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Parley.Talks.Access;

namespace Parley.Web.Api;

/// <summary>One token bucket per caller (ASP.NET Core's rate limiter): per bearer token's hash, per client address without one.</summary>
internal static class CallerRateLimit
{
    public static void Configure(RateLimiterOptions options, int perSecond)
    {
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var token = CallerFilter.BearerToken(http.Request);
            var key = token is null ? "ip:" + http.Connection.RemoteIpAddress : "token:" + Tokens.Hash(token);
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond * 2,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await TypedResults.Problem(new ProblemDetails { Status = 429, Title = "Too many requests", Detail = $"at most {perSecond} requests per second per caller" })
                .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
        };
    }
}
