using Parley.Cluster.Client;
using Spectre.Console;

namespace Parley.Cli.Commands;

internal static partial class ClusterCommand
{
    /// <summary>
    /// Shows a progress bar (batches done/total, silos, moved batches, ETA) on <paramref name="stderr"/> while
    /// <paramref name="body"/> runs; stdout stays clean for results and JSON.
    /// </summary>
    public static async Task<T> WithProgressAsync<T>(TextWriter stderr, string title, Func<IProgress<ClusterProgress>, Task<T>> body)
    {
        var console = ProgressConsole(stderr);
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, autoStart: true, maxValue: 1);
                task.IsIndeterminate = true;
                var progress = new Reporter(snapshot =>
                {
                    task.IsIndeterminate = false;
                    task.MaxValue = snapshot.Total;
                    task.Value = snapshot.Done;
                    task.Description = Describe(title, snapshot);
                });
                result = await body(progress).ConfigureAwait(false);
                task.StopTask();
            }).ConfigureAwait(false);
        return result;
    }

    internal static string Describe(string title, ClusterProgress p) =>
        $"{title}: batches {p.Done}/{p.Total}, {p.InFlight} running on {p.Silos} silo{(p.Silos == 1 ? "" : "s")}" +
        (p.Reassigned > 0 ? $", {p.Reassigned} moved" : "");

    // A live bar when stderr is a terminal; otherwise Spectre's plain fallback (occasional lines), which keeps logs readable.
    private static IAnsiConsole ProgressConsole(TextWriter stderr)
    {
        var terminal = stderr == Console.Error && !Console.IsErrorRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    // Progress<T> would post to the thread pool and could deliver snapshots out of order; the scheduler already
    // reports in order, so pass them straight through.
    internal sealed class Reporter(Action<ClusterProgress> report) : IProgress<ClusterProgress>
    {
        public void Report(ClusterProgress value) => report(value);
    }
}
