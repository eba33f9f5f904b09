using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cli.Infrastructure;
using Parley.Talks.Access;
using Parley.Talks.Rules;
using Parley.Talks.Service;
using Parley.Web;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley serve bench</c>: starts the service on a free loopback port, opens the flagship as
/// several talks, and has concurrent clients issue statements over HTTP (each an idempotent, durable
/// append). Prints throughput and latency percentiles. Bounded: at most 200,000 appends.
/// </summary>
internal static class ServeBenchCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "Database (default: a fresh SQLite file in a temporary folder, deleted afterwards)." };
        var appends = new Option<int>("--appends") { Description = "Appends to issue (1–200000).", DefaultValueFactory = _ => 20_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent clients (1–256).", DefaultValueFactory = _ => 64 };
        var talksCount = new Option<int>("--talks") { Description = "Talks the clients spread over (1–256); appends to one talks are serialised.", DefaultValueFactory = _ => 64 };
        var direct = new Option<bool>("--direct") { Description = "Call the service in-process instead of over HTTP (isolates the store from the HTTP stack)." };
        var liveDesks = new Option<int>("--live-desks")
        {
            Description = "Live desk subscribers per talks (0–5: the mediator, then the parties), each draining its feed and desk notices, as open desk pages would.",
            DefaultValueFactory = _ => 0,
        };
        var format = Output.FormatOption();
        var command = new Command("bench", "Loopback load test of the talks service: durable appends/s and latency percentiles.") { db, appends, concurrency, talksCount, direct, liveDesks, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(appends);
            var c = parse.GetValue(concurrency);
            var k = parse.GetValue(talksCount);
            var live = parse.GetValue(liveDesks);
            if (n is < 1 or > 200_000 || c is < 1 or > 256 || k is < 1 or > 256 || live < 0 || live > LiveDeskCallers.Length)
            {
                throw new UsageException($"--appends must be 1–200000, --concurrency 1–256, --talks 1–256, --live-desks 0–{LiveDeskCallers.Length}");
            }

            var temp = parse.GetValue(db) is null ? Directory.CreateTempSubdirectory("parley-bench-") : null;
            try
            {
                var result = await RunAsync(parse.GetValue(db) ?? Path.Combine(temp!.FullName, "bench.db"), n, c, k, parse.GetValue(direct), live, cancellationToken).ConfigureAwait(false);
                var output = parse.InvocationConfiguration.Output;
                if (parse.GetValue(format) == OutputFormat.Json)
                {
                    Output.WriteJson(output, result);
                }
                else
                {
                    var table = new Table().Title("parley serve bench").AddColumns("metric", "value");
                    table.AddRow("store", Markup.Escape(result.Store));
                    table.AddRow("appends", result.Appends.ToString(CultureInfo.InvariantCulture));
                    table.AddRow("transport", result.Transport);
                    table.AddRow("clients / talks", $"{result.Concurrency} / {result.Talks}");
                    table.AddRow("live desks per talks", result.LiveDesks.ToString(CultureInfo.InvariantCulture));
                    table.AddRow("elapsed", $"{result.Seconds:F2} s");
                    table.AddRow("throughput", $"{result.AppendsPerSecond:F0} appends/s");
                    table.AddRow("latency p50 / p99 / max", $"{result.P50Ms:F1} / {result.P99Ms:F1} / {result.MaxMs:F1} ms");
                    Terminal.For(output).Write(table);
                }
            }
            finally
            {
                temp?.Delete(recursive: true);
            }

            return CliApp.Ok;
        });
        return command;
    }

    // The flagship's mediator and parties, in the order --live-desks takes them.
    private static readonly Caller[] LiveDeskCallers = [Caller.Mediator, Caller.OfParty("RU"), Caller.OfParty("UA"), Caller.OfParty("US"), Caller.OfParty("EU")];

    internal static async Task<BenchResult> RunAsync(string db, int appends, int concurrency, int talksCount, bool direct, int liveDesks, CancellationToken cancellationToken)
    {
        // The per-caller rate limit is off: the bench measures the store and the HTTP stack, not the limiter.
        var options = new TalksWebOptions { Urls = "http://127.0.0.1:0", Db = db, LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning, RequestsPerSecondPerCaller = null };
        await using var app = await ServeCommand.OpenAsync(options, cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var service = app.Services.GetRequiredService<TalksService>();
        var flagship = (await DemoTalks.OpenAsync(service, cancellationToken: cancellationToken).ConfigureAwait(false)).Id;
        var targets = new List<(string Id, string Token)>();
        var scenario = await service.ReadAsync(flagship, s => s.Scenario, cancellationToken).ConfigureAwait(false);
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var t = 0; t < talksCount; t++)
        {
            var created = await service.CreateAsync(scenario, $"bench-{run}-{t}", cancellationToken).ConfigureAwait(false);
            targets.Add((created.Id, created.Tokens.First(x => x.Kind == RoleKind.Party).Token));
        }

        var callers = new Dictionary<string, Caller>(StringComparer.Ordinal);
        foreach (var (id, token) in targets)
        {
            callers[id] = (await service.AuthenticateAsync(id, token, cancellationToken).ConfigureAwait(false))!;
        }

        // Open desk pages: each subscription drained as the live feed would, so folding pays for their desk notices.
        using var stopLive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var subscriptions = new List<Subscription>();
        foreach (var (id, _) in targets)
        {
            foreach (var caller in LiveDeskCallers.Take(liveDesks))
            {
                subscriptions.Add(await service.SubscribeAsync(id, caller, null, cancellationToken).ConfigureAwait(false));
            }
        }

        var drains = subscriptions.SelectMany(x => new[] { DrainAsync(x.Events, stopLive.Token), DrainAsync(x.DeskChanges, stopLive.Token) }).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(TalksWebApp.Addresses(app)[0]) };
        var latencies = new double[appends];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < appends)
            {
                var (id, token) = targets[i % targets.Count];
                var text = "statement " + i.ToString(CultureInfo.InvariantCulture);
                if (direct)
                {
                    var begin = Stopwatch.GetTimestamp();
                    await service.ExecuteAsync(id, callers[id], null, $"bench-{i}", $"bench-{i}", (s, c) => TalksRules.IssueStatement(s, c, text, true), cancellationToken).ConfigureAwait(false);
                    latencies[i] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                    continue;
                }

                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/talks/{id}/statements")
                {
                    Content = JsonContent.Create(new { text, @public = true }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Add("Idempotency-Key", $"bench-{i}");
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        await stopLive.CancelAsync().ConfigureAwait(false);
        subscriptions.ForEach(x => x.Dispose());
        await Task.WhenAll(drains).ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        Array.Sort(latencies);
        return new BenchResult(service.Store.Description, direct ? "in-process" : "HTTP (loopback)", appends, concurrency, talksCount, liveDesks, seconds, appends / seconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1]);
    }

    private static async Task DrainAsync<T>(System.Threading.Channels.ChannelReader<T> reader, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
            }
        }
        catch (OperationCanceledException)
        {
            // The bench is over.
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    internal sealed record BenchResult(string Store, string Transport, int Appends, int Concurrency, int Talks, int LiveDesks, double Seconds, double AppendsPerSecond, double P50Ms, double P99Ms, double MaxMs);
}
