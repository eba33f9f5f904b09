using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Talks.Service;

namespace Parley.Web.Hosting;

/// <summary>
/// Expires deadlines as the injected <see cref="TimeProvider"/> passes them: sweeps at start, then
/// every <see cref="TalksWebOptions.DeadlineSweepInterval"/> of that clock (tests drive it with a
/// fake clock instead of sleeping).
/// </summary>
internal sealed partial class DeadlineService(TalksService talks, TalksWebOptions options, ILogger<DeadlineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var expired = await talks.ExpireDueDeadlinesAsync(stoppingToken).ConfigureAwait(false);
                if (expired > 0)
                {
                    LogExpired(expired);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sweep is retried at the next tick; the host keeps serving.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSweepFailed(ex.GetType().Name);
            }

            try
            {
                await Task.Delay(options.DeadlineSweepInterval, talks.Time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "expired {Count} deadline(s)")]
    private partial void LogExpired(int count);

    // Only the exception type: messages could carry data.
    [LoggerMessage(Level = LogLevel.Warning, Message = "deadline sweep failed ({Error}); retrying at the next tick")]
    private partial void LogSweepFailed(string error);
}
