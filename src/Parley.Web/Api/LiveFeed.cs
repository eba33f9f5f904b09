using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Parley.Talks.Ledger;
using Parley.Talks.Service;

namespace Parley.Web.Api;

/// <summary>
/// Server-sent events: each event the caller may see (<see cref="TalksViews.Filter"/>) as
/// <c>id: version</c>, <c>event: type</c>, <c>data: json</c>. A reconnecting client sends
/// <c>Last-Event-ID</c> (or <c>?after=</c>) and first receives what it missed.
/// </summary>
internal static class LiveFeed
{
    public static async Task StreamAsync(HttpContext http, string id, long? after)
    {
        var caller = CallerFilter.Of(http);
        var service = (TalksService)http.RequestServices.GetService(typeof(TalksService))!;
        var ct = http.RequestAborted;
        using var subscription = await service.SubscribeAsync(id, ct).ConfigureAwait(false);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";

        var last = after ?? (long.TryParse(http.Request.Headers["Last-Event-ID"], CultureInfo.InvariantCulture, out var l) ? l : -1);
        if (last >= 0)
        {
            foreach (var e in await service.ReadEventsAsync(id, last, 10_000, ct).ConfigureAwait(false))
            {
                last = await WriteAsync(http, e, caller, last).ConfigureAwait(false);
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
                    last = await WriteAsync(http, e, caller, last).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct).ConfigureAwait(false);
                    await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    private static async Task<long> WriteAsync(HttpContext http, StoredEvent e, Talks.Access.Caller caller, long last)
    {
        if (e.Version <= last)
        {
            return last;
        }

        if (TalksViews.Filter(e, caller) is { } visible)
        {
            var json = JsonSerializer.Serialize(TalksApi.View(visible), EventJson.Options);
            await http.Response.WriteAsync($"id: {e.Version}\nevent: {e.Event.TypeName}\ndata: {json}\n\n", http.RequestAborted).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        }

        return e.Version;
    }
}
