using System.CommandLine;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Parley.Cli.Infrastructure;
using Parley.Studio;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley studio [FILE] [--urls URL] [--versions DIR] [--no-browser]</c>: the analyst's workbench in the browser,
/// on loopback, until Ctrl+C.
/// </summary>
internal static class StudioCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "Scenario file (YAML) to edit; it need not exist yet (the first save creates it). Omit for a new scenario.", Arity = ArgumentArity.ZeroOrOne };
        var urls = new Option<string>("--urls") { Description = "Listen address(es), ';'-separated. Default: a free port on 127.0.0.1.", DefaultValueFactory = _ => "http://127.0.0.1:0" };
        var versions = new Option<string?>("--versions") { Description = "Folder for saved versions (default: NAME.versions/ next to the file)." };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Print the address only; do not open a browser." };
        var command = new Command("studio", "Open the analyst's workbench: edit a scenario in the browser and see every lens answer as you edit.") { file, urls, versions, noBrowser };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            // A file that is not YAML is refused before the server starts (exit 2 with FILE:LINE:COL).
            await using var app = StudioApp.Create(new StudioOptions { File = parse.GetValue(file), Urls = parse.GetValue(urls)!, Versions = parse.GetValue(versions) });
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or FormatException)
            {
                throw new UsageException($"--urls: {ex.Message}");
            }

            var home = StudioApp.Addresses(app)[0] + "/";
            output.WriteLine($"Parley studio: {home}");
            output.WriteLine("Ctrl+C stops it.");
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (!parse.GetValue(noBrowser))
            {
                OpenBrowser(home);
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Best effort: without a desktop the printed address is enough.</summary>
    private static void OpenBrowser(string url)
    {
        try
        {
            var start = OperatingSystem.IsWindows()
                ? new ProcessStartInfo(url) { UseShellExecute = true }
                : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [url]);
            using var process = Process.Start(start);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            // No browser to open: the address was printed.
        }
    }
}
