using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Parley.Cli.Infrastructure;
using Parley.Talks.Service;
using Parley.Talks.Storage;
using Parley.Web;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley serve [--urls URL] [--db PATH|CONNECTION] [--demo]</c>: the talks service (API, UI,
/// live feed); <c>parley serve bench</c>: a bounded loopback load test.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Listen address(es), ';'-separated. Port 0 picks a free port.", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var db = new Option<string>("--db") { Description = "SQLite file (default parley.db in the working directory) or a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…).", DefaultValueFactory = _ => "parley.db" };
        var demo = new Option<bool>("--demo") { Description = "Open the flagship scenario (ukraine-talks-2025) as demo talks and print one token per role (existing talks: none unless --new-tokens)." };
        var open = new Option<string[]>("--open") { Description = "Scenario file(s) to open as talks (id: the scenario's id; kept if already there); prints one token per role for new talks.", AllowMultipleArgumentsPerToken = true };
        var newTokens = new Option<bool>("--new-tokens") { Description = "Rotate the tokens of talks that --open/--demo find already there, and the organiser's credential (the old ones answer 401)." };
        var format = Output.FormatOption();
        var command = new Command("serve", "Run the talks service: JSON API (/api, OpenAPI at /openapi/v1.json), live feed and browser UI.") { urls, db, demo, open, newTokens, format };
        command.Subcommands.Add(ServeBenchCommand.Create());
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            // Scenario files are checked before the server starts, so a bad file is a clean exit 2.
            var scenarios = (parse.GetValue(open) ?? []).Select(f => ScenarioFiles.LoadOrThrow(f, parse.InvocationConfiguration.Error)).ToList();
            var options = new TalksWebOptions { Urls = parse.GetValue(urls)!, Db = parse.GetValue(db)! };
            await using var app = await OpenAsync(options, cancellationToken).ConfigureAwait(false);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or FormatException)
            {
                // A malformed address or a port in use is the user's input, not a bug.
                throw new UsageException($"--urls: {ex.Message}");
            }

            var store = app.Services.GetRequiredService<IEventStore>();
            var addresses = TalksWebApp.Addresses(app);
            var service = app.Services.GetRequiredService<TalksService>();
            var opened = new List<CreatedTalks>();
            var rotate = parse.GetValue(newTokens);
            IssuedToken? organiser = null;
            if (parse.GetValue(demo) || scenarios.Count > 0 || rotate)
            {
                organiser = await service.EnsureOrganiserAsync(rotate, cancellationToken).ConfigureAwait(false);
            }

            if (parse.GetValue(demo))
            {
                opened.Add(await DemoTalks.OpenAsync(service, rotate, cancellationToken).ConfigureAwait(false));
            }

            foreach (var scenario in scenarios)
            {
                opened.Add(await service.OpenAsync(scenario, rotate, cancellationToken: cancellationToken).ConfigureAwait(false));
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                var first = opened.Count > 0 ? opened[0] : null;
                Output.WriteJson(output, new { urls = addresses, store = store.Description, organiser, talks = first?.Id, tokens = first?.Tokens, opened });
            }
            else
            {
                Render(output, addresses, store.Description, organiser, opened);
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Opens the store and builds the app; a database that cannot be opened is a usage error (exit 2).</summary>
    internal static async Task<WebApplication> OpenAsync(TalksWebOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await TalksWebApp.CreateAsync(options, QuietStdout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--db: cannot open the database: {ex.Message}");
        }
    }

    /// <summary>
    /// Keeps stdout for results (the listening line or the <c>--format json</c> document): server logs go to stderr,
    /// and the host's own "failed to start" log is dropped because the exception it logs is reported as an error.
    /// </summary>
    private static void QuietStdout(WebApplicationBuilder builder)
    {
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    }

    // Plain lines, not Spectre: tokens and links must never wrap, so they can be copied whole.
    private static void Render(TextWriter output, IReadOnlyList<string> addresses, string store, IssuedToken? organiser, List<CreatedTalks> opened)
    {
        var home = addresses.Count > 0 ? addresses[0] : "";
        output.WriteLine($"Parley talks service on {string.Join(", ", addresses)} ({store}); Ctrl+C stops it.");
        output.WriteLine($"API {home}/api · OpenAPI {home}/openapi/v1.json · UI {home}/");
        if (organiser is not null)
        {
            output.WriteLine($"Organiser credential (shown once; opens talks and issues, rotates and revokes tokens via the API): {organiser.Token}");
        }
        foreach (var talks in opened)
        {
            Render(output, home, talks);
        }
    }

    private static void Render(TextWriter output, string home, CreatedTalks talks)
    {
        if (talks.Tokens.Count == 0)
        {
            output.WriteLine($"Talks {talks.Id}: already open; their tokens were shown when issued (--new-tokens rotates them).");
            output.WriteLine($"Public page (no token): {home}/#/talks/{talks.Id}");
            return;
        }

        output.WriteLine($"Talks {talks.Id}: one token per role (shown once; only their hashes are stored).");
        foreach (var t in talks.Tokens)
        {
            output.WriteLine($"  {t.Kind.ToString().ToLowerInvariant(),-8} {t.Party ?? "-",-5} {t.Id} {home}/#token={t.Token}");
        }

        output.WriteLine($"Public page (no token): {home}/#/talks/{talks.Id}");
    }
}
