using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Model;
using Parley.Report;
using Parley.Report.Diff;
using Parley.Scenarios;
using Parley.Studio.Document;

namespace Parley.Studio.Api;

/// <summary>
/// The workbench's API (docs/studio.md): every POST takes JSON and answers JSON (the briefing: HTML). A scenario with
/// errors is 422 with the check (its diagnostics at their fields); a malformed request is 400 naming the field.
/// </summary>
internal static class StudioApi
{
    public static void MapStudioApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/studio");
        api.MapGet("/document", (StudioDocument doc) => Results.Json(doc.Snapshot(), StudioJson.Options));
        api.MapGet("/versions", (StudioDocument doc) => Results.Json(doc.Versions(), StudioJson.Options));
        api.MapPost("/check", (HttpRequest http, StudioDocument doc, CancellationToken ct) => Handle(http, body =>
            Results.Json(Check(body, doc), StudioJson.Options), ct));
        api.MapPost("/yaml", (HttpRequest http, StudioDocument doc, CancellationToken ct) => Handle(http, body => FromYaml(body, doc), ct));
        api.MapPost("/lens/{name}", (HttpRequest http, string name, StudioDocument doc, CancellationToken ct) => Handle(http, body => Lens(name, body, doc, ct), ct));
        api.MapPost("/briefing", (HttpRequest http, StudioDocument doc, CancellationToken ct) => Handle(http, body => Briefing(body, doc, ct), ct));
        api.MapPost("/save", (HttpRequest http, StudioDocument doc, CancellationToken ct) => Handle(http, body => Save(body, doc), ct));
        api.MapPost("/diff", (HttpRequest http, StudioDocument doc, CancellationToken ct) => Handle(http, body => Diff(body, doc, ct), ct));
    }

    private static async Task<IResult> Handle(HttpRequest http, Func<StudioRequest, IResult> answer, CancellationToken cancellationToken)
    {
        try
        {
            var body = await StudioRequest.ReadAsync(http, cancellationToken).ConfigureAwait(false);
            // The lenses are CPU-bound: off the request thread, cancelled when the browser aborts (a newer edit).
            return await Task.Run(() => answer(body), cancellationToken).ConfigureAwait(false);
        }
        catch (StudioRequestException ex)
        {
            return Problem(ex.Status, ex.Status == 415 ? "Unsupported media type" : "Bad request", ex.Message, ex.Field);
        }
        catch (TreeException ex)
        {
            return Problem(400, "Bad request", ex.Message, ex.Path);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body without a length, stopped by Kestrel's limit while being read.
            return Problem(413, "Request body too large", "the request body exceeds the workbench's limit", "$");
        }
    }

    private static IResult Problem(int status, string title, string detail, string field) =>
        Results.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["field"] = field });

    private static CheckResult Check(StudioRequest body, StudioDocument doc) => ScenarioCheck.Run(body.Required("tree"), doc.Header, doc.FileName);

    /// <summary>A checked tree that loads, or the 422 answer with its check.</summary>
    private static (CheckResult Check, Scenario? Scenario, IResult? Refusal) Valid(StudioRequest body, StudioDocument doc)
    {
        var check = Check(body, doc);
        return check.Scenario is { } s ? (check, s, null) : (check, null, Results.Json(check, StudioJson.Options, statusCode: 422));
    }

    private static IResult FromYaml(StudioRequest body, StudioDocument doc)
    {
        var yaml = body.Text("yaml") ?? throw new StudioRequestException(400, "yaml", "'yaml' is required");
        var check = ScenarioCheck.Run(yaml, doc.FileName);
        var tree = YamlTree.Parse(yaml, doc.FileName, new List<Diagnostic>()) is RawMapping map ? TreeJson.ToJson(map) : null;
        return Results.Json(new { tree, check }, StudioJson.Options);
    }

    private static IResult Lens(string name, StudioRequest body, StudioDocument doc, CancellationToken cancellationToken)
    {
        if (!LensRunner.Exists(name))
        {
            return Results.Problem($"no lens '{name}'; the lenses are bargaining, stability, outlook and forecast", statusCode: 404, title: "Not found");
        }

        var options = new ReportOptions(
            body.Int("runs", LensRunner.EditingRuns, 1, LensRunner.MaxRuns), body.Int("seed", ReportOptions.DefaultSeed, int.MinValue, int.MaxValue), body.Date("by"));
        var (check, scenario, refusal) = Valid(body, doc);
        return refusal ?? Results.Json(LensRunner.Run(name, scenario!, doc.FileName, check.Yaml, options, cancellationToken), StudioJson.Options);
    }

    private static IResult Briefing(StudioRequest body, StudioDocument doc, CancellationToken cancellationToken)
    {
        var (check, scenario, refusal) = Valid(body, doc);
        if (refusal is not null)
        {
            return refusal;
        }

        var html = LensRunner.Briefing(scenario!, doc.FileName, check.Yaml, cancellationToken);
        return Results.File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"briefing-{scenario!.Id}.html");
    }

    private static IResult Save(StudioRequest body, StudioDocument doc)
    {
        string? target;
        try
        {
            target = doc.Target(body.Text("path"));
        }
        catch (ArgumentException ex)
        {
            return Problem(400, "Bad request", $"path: {ex.Message}", "path");
        }

        if (target is null)
        {
            return Problem(400, "Bad request", "'path' is required: the scenario has no file yet", "path");
        }

        var (check, _, refusal) = Valid(body, doc);
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            var version = doc.Save(target, check.Yaml);
            return Results.Json(new { path = target, version }, StudioJson.Options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Problem(409, "Not saved", $"cannot write {target}: {ex.Message}", "path");
        }
    }

    /// <summary>What changed between two versions (or the file as loaded, or the tree being edited), as <c>parley diff --format json</c>.</summary>
    private static IResult Diff(StudioRequest body, StudioDocument doc, CancellationToken cancellationToken)
    {
        var oldId = body.Text("old") ?? "file";
        var newId = body.Text("new") ?? "current";
        var options = new DiffOptions { Runs = body.Int("runs", ReportOptions.DefaultRuns, 1, LensRunner.MaxRuns), Seed = body.Int("seed", ReportOptions.DefaultSeed, int.MinValue, int.MaxValue), By = body.Date("by"), OldName = oldId, NewName = newId };
        var (old, oldRefusal) = Version(oldId, "old", body, doc);
        var (@new, newRefusal) = Version(newId, "new", body, doc);
        if ((oldRefusal ?? newRefusal) is { } refusal)
        {
            return refusal;
        }

        var result = SituationDiff.Compare(old!, @new!, options, cancellationToken);
        return Results.Text(SituationDiffJson.Serialize(result), "application/json; charset=utf-8");
    }

    private static (Scenario? Scenario, IResult? Refusal) Version(string id, string field, StudioRequest body, StudioDocument doc)
    {
        if (id == "current")
        {
            var (_, scenario, refusal) = Valid(body, doc);
            return (scenario, refusal);
        }

        var text = id == "file" ? doc.Text : doc.ReadVersion(id);
        if (text is null)
        {
            return (null, Problem(404, "Not found", id == "file" ? "the scenario has no file on disk yet" : $"no saved version '{id}'", field));
        }

        var check = ScenarioCheck.Run(text, id == "file" ? doc.FileName : id + ".yaml");
        return check.Scenario is { } s ? (s, null) : (null, Results.Json(check, StudioJson.Options, statusCode: 422));
    }
}
