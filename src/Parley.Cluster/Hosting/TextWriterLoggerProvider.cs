using Microsoft.Extensions.Logging;

namespace Parley.Cluster.Hosting;

/// <summary>Writes log lines (level, category, message, exception) to a text writer, e.g. the CLI's stderr.</summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private sealed class Logger(TextWriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = $"{logLevel.ToString().ToLowerInvariant()}: {category}: {formatter(state, exception)}";
            provider.Write(exception is null ? text : text + " (" + exception.GetType().Name + ": " + exception.Message + ")");
        }
    }
}
