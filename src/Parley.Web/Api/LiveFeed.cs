using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.Service;

namespace Parley.Web.Api;

/// <summary>
/// Server-sent events through ASP.NET Core's <see cref="TypedResults.ServerSentEvents{T}(IAsyncEnumerable{SseItem{T}})"/>:
/// the caller's share of the ledger as <c>event: type</c>, <c>data: json</c>, <c>id: seq</c>, numbered by
/// the caller's own sequence. A reconnecting client sends <c>Last-Event-ID</c> (or <c>?after=</c>) and
/// first receives everything it missed, paged from the store; <c>event: live</c> then marks the end of
/// the catch-up, and <c>event: keep-alive</c> follows every 15 s of the injected clock (both with empty
/// data and no id, so they never move a client's resume point). A client that falls too far behind gets
/// <c>event: resume</c> with the id to resume after, and the stream ends; so does one whose token is
/// revoked (<c>event: revoked</c>). Nothing is skipped. A party or the mediator also gets <c>event: desk</c>
/// (data <c>{"changed":"desk"}</c>, no id) when its desk changed through an event it may not see, such as another
/// party's bid or mark: a cue to read <c>/blind</c> again, telling no more than that read would.
/// </summary>
internal static class LiveFeed
{
    private const int CatchUpPage = 500;

    /// <summary>How often an open feed says it is still there (proxies close idle connections).</summary>
    internal static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    // The formatter writes no comment lines, so the markers are named events with empty data; the UI's
    // reader skips blocks without data, and EventSource dispatches named events only to their listeners.
    private static readonly SseItem<string> Live = new(string.Empty, "live");
    private static readonly SseItem<string> KeepAlive = new(string.Empty, "keep-alive");

    // The caller's desk changed through an event it may not see (another party's bid or mark): read the desk again.
    // Data, so the UI's reader acts on it; no id, so it never moves a client's resume point.
    private static readonly SseItem<string> DeskChanged = new("""{"changed":"desk"}""", "desk");

    public static async Task<ServerSentEventsResult<string>> StreamAsync(HttpContext http, string id, long? after)
    {
        var caller = CallerFilter.Of(http);
        var service = http.RequestServices.GetRequiredService<TalksService>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var ct = http.RequestAborted;
        long? resume = after ?? (long.TryParse(http.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : null);

        // Subscribe and read the start point before the response starts, so a refusal is still a problem answer.
        var subscription = await service.SubscribeAsync(id, caller, CallerFilter.TokenHash(http), ct).ConfigureAwait(false);
        try
        {
            // Without a resume point the feed starts now; with one, every missed event comes first, page by page.
            var last = resume ?? (await service.ReadEventsAsync(id, caller, long.MaxValue, 1, ct).ConfigureAwait(false)).Version;
            http.Response.Headers["X-Accel-Buffering"] = "no";
            return TypedResults.ServerSentEvents(FeedAsync(service, subscription, id, caller, last, catchUp: resume is not null, time, ct));
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    private static async IAsyncEnumerable<SseItem<string>> FeedAsync(
        TalksService service, Subscription subscription, string id, Caller caller, long last, bool catchUp, TimeProvider time,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var feed = subscription;
        if (catchUp)
        {
            for (var more = true; more;)
            {
                var page = await service.ReadEventsAsync(id, caller, last, CatchUpPage, ct).ConfigureAwait(false);
                foreach (var e in page.Events)
                {
                    if (e.Version > last)
                    {
                        last = e.Version;
                        yield return Item(e);
                    }
                }

                more = page.Next is not null;
            }
        }

        // Started before the marker is sent, so the first keep-alive is due one interval after it.
        using var heartbeat = new PeriodicTimer(KeepAliveInterval, time);
        yield return Live;
        var next = feed.Events.ReadAsync(ct).AsTask();
        var tick = heartbeat.WaitForNextTickAsync(ct).AsTask();
        var desk = feed.DeskChanges.WaitToReadAsync(ct).AsTask();
        while (true)
        {
            var first = await Task.WhenAny(next, tick, desk).ConfigureAwait(false);
            if (first == tick)
            {
                if (tick.IsCanceled)
                {
                    yield break;
                }

                yield return KeepAlive;
                tick = heartbeat.WaitForNextTickAsync(ct).AsTask();
                continue;
            }

            if (first == desk)
            {
                if (!desk.IsCompletedSuccessfully || !desk.Result)
                {
                    // Cancelled or closed: the events' reader says how the feed ends.
                    desk = new TaskCompletionSource<bool>().Task;
                    continue;
                }

                feed.DeskChanges.TryRead(out _);
                yield return DeskChanged;
                desk = feed.DeskChanges.WaitToReadAsync(ct).AsTask();
                continue;
            }

            EventView? view = null;
            SseItem<string>? end = null;
            try
            {
                view = await next.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client went away.
                yield break;
            }
            catch (Exception ex) when (ex is ChannelClosedException or SubscriberTooSlowException or UnauthorizedAccessException)
            {
                end = CutOff(ex, last);
            }

            if (end is { } ending)
            {
                yield return ending;
                yield break;
            }

            next = feed.Events.ReadAsync(ct).AsTask();
            if (view!.Version > last)
            {
                last = view.Version;
                yield return Item(view);
            }
        }
    }

    // The service cut the feed off: the subscriber fell too far behind, or its token was revoked.
    private static SseItem<string> CutOff(Exception ex, long last)
    {
        var revoked = (ex as ChannelClosedException)?.InnerException is UnauthorizedAccessException || ex is UnauthorizedAccessException;
        var data = JsonSerializer.Serialize(new { after = last.ToString(CultureInfo.InvariantCulture) }, EventJson.Options);
        return new SseItem<string>(data, revoked ? "revoked" : "resume");
    }

    private static SseItem<string> Item(EventView e) =>
        new(JsonSerializer.Serialize(e, EventJson.Options), e.Type) { EventId = e.Version.ToString(CultureInfo.InvariantCulture) };
}
