using System.CommandLine;
using Parley.Bargaining.Export;
using Parley.Cli.Infrastructure;
using Parley.Conflict;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley export FILE --to gmcr|genius|geniusweb|negmas --out DIR [--parties A,B]</c>: writes the scenario in a
/// format of the field (the core builds the documents; this command writes them), plus <c>DIR/README.txt</c>. What the
/// format cannot express is listed on stderr and in the README, never dropped silently.
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = ["gmcr", "genius", "geniusweb", "negmas"];

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Scenario file (YAML)." };
        ScenarioFiles.RejectOptionLikeValues(file);
        var to = new Option<string>("--to") { Description = "Target format: gmcr (the conflict: section as a gmcr-py save file), genius (GENIUS XML), geniusweb (GeniusWeb / ANL 2023 JSON) or negmas (NegMAS YAML scenario folder).", Required = true };
        to.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!Formats.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"--to must be one of {string.Join(", ", Formats)}, not '{value}'");
            }
        });
        var outDir = new Option<string>("--out", "-o") { Description = "Output folder (created if missing; files of the same name are overwritten).", Required = true };
        var parties = new Option<string?>("--parties") { Description = "Comma-separated party ids, in order (default: every non-optional party with preferences); not for gmcr." };
        var command = new Command("export", "Write the scenario as gmcr-py, GENIUS, GeniusWeb/ANL or NegMAS files, listing what the format cannot express.")
        {
            file, to, outDir, parties,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!;
            var format = parse.GetValue(to)!;
            var dir = parse.GetValue(outDir)!;
            var partyIds = parse.GetValue(parties)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (partyIds is { Length: 0 })
            {
                throw new UsageException("--parties lists no party");
            }

            if (format == "gmcr" && partyIds is not null)
            {
                throw new UsageException("--parties does not apply to --to gmcr (the conflict section's decision makers are all written)");
            }

            if (File.Exists(dir))
            {
                throw new UsageException($"--out {dir}: is a file; give a folder");
            }

            var scenario = ScenarioFiles.LoadOrThrow(path, errors);
            ExportResult result;
            try
            {
                result = format switch
                {
                    "gmcr" => GmcrExport.Export(scenario),
                    "genius" => GeniusExport.Export(scenario, partyIds),
                    "geniusweb" => GeniusWebExport.Export(scenario, partyIds, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)))),
                    _ => NegmasExport.Export(scenario, partyIds),
                };
            }
            catch (ArgumentException ex)
            {
                throw new UsageException($"{path}: cannot export to {format}: {ex.Message}");
            }

            try
            {
                Directory.CreateDirectory(dir);
                foreach (var f in result.Files)
                {
                    File.WriteAllText(Path.Combine(dir, f.Name), f.Text);
                }

                File.WriteAllText(Path.Combine(dir, ExportResult.ReadmeName), result.Readme(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--out {dir}: cannot write: {ex.Message}");
            }

            if (result.Lost.Count > 0)
            {
                errors.WriteLine($"parley export: not expressible in {format}, dropped (also listed in {Path.Combine(dir, ExportResult.ReadmeName)}):");
                foreach (var line in result.Lost)
                {
                    errors.WriteLine("  - " + line);
                }
            }

            foreach (var f in result.Files)
            {
                output.WriteLine(Path.Combine(dir, f.Name));
            }

            output.WriteLine(Path.Combine(dir, ExportResult.ReadmeName));
            return CliApp.Ok;
        });
        return command;
    }
}
