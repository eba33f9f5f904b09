using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Parley.Cli.Infrastructure;
using Parley.Report;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley report --talks URL [--token T]</c>: fetches <c>GET {site}/api/talks/{id}/briefing</c> (the
/// service computes it on what the token may see) and writes it like the file-based report. A refusal
/// (400, 401, 404) is the user's input: exit 2 with the service's reason; an unreachable or failing
/// service: exit 1 with the reason; never a stack trace.
/// </summary>
internal static partial class ReportCommand
{
    /// <summary>Where <c>--token</c> is read from when it is not given (keeps the token out of shell history).</summary>
    public const string TokenVariable = "PARLEY_TOKEN";

    /// <summary>How long the service may take (a large --runs takes a while).</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>The service's site and the talks id in an address given to <c>--talks</c>: <c>…/api/talks/ID[/…]</c> or the UI's <c>…/#/talks/ID</c>.</summary>
    public static (Uri Site, string TalksId) ParseTalks(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        const string example = "e.g. http://127.0.0.1:5000/api/talks/ukraine-talks-2025";
        if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--talks: '{address}' is not an http(s) address of talks, {example}");
        }

        var path = uri.AbsolutePath;
        var api = path.IndexOf("/api/talks/", StringComparison.Ordinal);
        string id;
        string root;
        if (api >= 0)
        {
            id = path[(api + "/api/talks/".Length)..].Split('/')[0];
            root = path[..(api + 1)];
        }
        else if (uri.Fragment.StartsWith("#/talks/", StringComparison.Ordinal))
        {
            id = uri.Fragment["#/talks/".Length..].Split('/')[0];
            root = path.EndsWith('/') ? path : path + "/";
        }
        else
        {
            throw new UsageException($"--talks: '{address}' names no talks; give the talks' API address, {example}");
        }

        id = Uri.UnescapeDataString(id);
        if (id.Length == 0)
        {
            throw new UsageException($"--talks: '{address}' names no talks; give the talks' API address, {example}");
        }

        return (new UriBuilder(uri.Scheme, uri.Host, uri.Port, root).Uri, id);
    }

    /// <summary>The briefing route for the talks and options.</summary>
    public static Uri BriefingUri(Uri site, string talksId, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(options);
        var query = string.Create(CultureInfo.InvariantCulture, $"runs={options.Runs}&seed={options.Seed}")
            + (options.By is { } by ? "&by=" + by.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
        return new Uri(site, $"api/talks/{Uri.EscapeDataString(talksId)}/briefing?{query}");
    }

    private static async Task<int> FromTalksAsync(string address, string? token, ReportOptions options, string target, OutputFormat format,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (site, id) = ParseTalks(address);
        var uri = BriefingUri(site, id, options);
        var shown = uri.GetLeftPart(UriPartial.Path);
        using var http = new HttpClient { Timeout = Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        // Refusals come as problem+json: asked for, so that the service writes their reason.
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return Fail(stderr, $"cannot reach the talks service at {site}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(stderr, $"GET {shown}: no answer within {Timeout.TotalMinutes:0} minutes");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var message = $"GET {shown}: {status} {response.ReasonPhrase}{(ProblemDetail(body) is { } detail ? ": " + detail : "")}{Hint(response.StatusCode)}";
                return status is >= 400 and < 500 ? throw new UsageException(message) : Fail(stderr, message);
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                return Fail(stderr, $"GET {shown}: the answer is not a briefing ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}); is --talks the address of a Parley talks service?");
            }

            Write(target, body);
            if (format == OutputFormat.Json)
            {
                Output.WriteJson(stdout, new { output = target, talks = id, source = shown, bytes = System.Text.Encoding.UTF8.GetByteCount(body) });
            }
            else
            {
                var console = Terminal.For(stdout);
                console.MarkupLine($"[bold]Briefing:[/] live talks {Markup.Escape(id)} from {Markup.Escape(site.ToString())}{(token is null ? " (public view: no token)" : "")}");
                console.MarkupLine($"Wrote [bold]{Markup.Escape(target)}[/]");
            }

            return CliApp.Ok;
        }
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"parley: error: {message}");
        return CliApp.InternalFailure;
    }

    private static string Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => $" (check --token or {TokenVariable}: it must be a live token of these talks)",
        HttpStatusCode.NotFound => " (check the talks id in --talks)",
        _ => "",
    };

    /// <summary>The <c>detail</c> of a problem+json answer, or null.</summary>
    private static string? ProblemDetail(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String
                ? detail.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
