using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Parley.Talks.Ledger;
using Parley.Talks.Service;

namespace Parley.Web.Api;

/// <summary>
/// Server-sent events: the caller's share of the ledger as <c>id: seq</c>, <c>event: type</c>,
/// <c>data: json</c>, numbered by the caller's own sequence. A reconnecting client sends
/// <c>Last-Event-ID</c> (or <c>?after=</c>) and first receives everything it missed, paged from the
/// store. A client that falls too far behind gets <c>event: resume</c> with the id to resume after,
/// and the stream ends; so does one whose token is revoked (<c>event: revoked</c>). Nothing is skipped.
/// </summary>
internal static class LiveFeed
{
    private const int CatchUpPage = 500;

    public static async Task StreamAsync(HttpContext http, string id, long? after)
    {
        var caller = CallerFilter.Of(http);
        var service = (TalksService)http.RequestServices.GetService(typeof(TalksService))!;
        var ct = http.RequestAborted;
        long? resume = after ?? (long.TryParse(http.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : null);
        using var subscription = await service.SubscribeAsync(id, caller, CallerFilter.TokenHash(http), ct).ConfigureAwait(false);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";

        // Without a resume point the feed starts now; with one, every missed event comes first, page by page.
        var last = resume ?? (await service.ReadEventsAsync(id, caller, long.MaxValue, 1, ct).ConfigureAwait(false)).Version;
        if (resume is not null)
        {
            while (true)
            {
                var page = await service.ReadEventsAsync(id, caller, last, CatchUpPage, ct).ConfigureAwait(false);
                foreach (var e in page.Events)
                {
                    last = await WriteAsync(http, e, last).ConfigureAwait(false);
                }

                if (page.Next is null)
                {
                    break;
                }
            }
        }

        await http.Response.WriteAsync(": live\n\n", ct).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    var e = await subscription.Events.ReadAsync(heartbeat.Token).ConfigureAwait(false);
                    last = await WriteAsync(http, e, last).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct).ConfigureAwait(false);
                    await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is ChannelClosedException or SubscriberTooSlowException or UnauthorizedAccessException)
        {
            // The service cut the feed off: the subscriber fell too far behind, or its token was revoked.
            var revoked = (ex as ChannelClosedException)?.InnerException is UnauthorizedAccessException || ex is UnauthorizedAccessException;
            var data = JsonSerializer.Serialize(new { after = last.ToString(CultureInfo.InvariantCulture) }, EventJson.Options);
            await http.Response.WriteAsync($"event: {(revoked ? "revoked" : "resume")}\ndata: {data}\n\n", ct).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    private static async Task<long> WriteAsync(HttpContext http, EventView e, long last)
    {
        if (e.Version <= last)
        {
            return last;
        }

        var json = JsonSerializer.Serialize(e, EventJson.Options);
        await http.Response.WriteAsync($"id: {e.Version.ToString(CultureInfo.InvariantCulture)}\nevent: {e.Type}\ndata: {json}\n\n", http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        return e.Version;
    }
}
