using System.CommandLine;
using Parley.Cli.Infrastructure;
using Parley.Scenarios;

namespace Parley.Cli.Commands;

/// <summary><c>parley validate FILE…</c>: checks scenario files and reports every problem with its location.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Scenario files (YAML) to check.", Arity = ArgumentArity.OneOrMore };
        ScenarioFiles.RejectOptionLikeValues(files);
        var format = Output.FormatOption();
        var command = new Command("validate", "Check scenario files; errors are printed as FILE:LINE:COL: error: MESSAGE.") { files, format };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var results = parse.GetValue(files)!.Select(f => (File: f, Result: ScenarioFiles.Load(f))).ToList();
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.WriteJson(output, new
                {
                    files = results.Select(r => new
                    {
                        file = r.File,
                        valid = r.Result.Success,
                        diagnostics = r.Result.Diagnostics.Select(d => new { severity = d.Severity, line = d.Line, column = d.Column, message = d.Message }),
                    }),
                });
            }
            else
            {
                foreach (var (file, result) in results)
                {
                    foreach (var diagnostic in result.Diagnostics)
                    {
                        errors.WriteLine(diagnostic.ToString());
                    }

                    if (result.Scenario is { } s)
                    {
                        output.WriteLine(s.Issues.Count == 0
                            ? $"{file}: ok ({s.Parties.Count} parties, no issues)"
                            : $"{file}: ok ({s.Parties.Count} parties, {s.Issues.Count} issues, {s.PackageCount:N0} packages)");
                    }
                }
            }

            return results.All(r => r.Result.Success) ? CliApp.Ok : CliApp.InvalidInput;
        });
        return command;
    }
}
