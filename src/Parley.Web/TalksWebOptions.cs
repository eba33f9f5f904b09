namespace Parley.Web;

/// <summary>How <see cref="TalksWebApp"/> runs.</summary>
public sealed record TalksWebOptions
{
    /// <summary>Listen addresses (default <c>http://127.0.0.1:5000</c>; port 0 picks a free port).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5000";

    /// <summary>A SQLite file path or a PostgreSQL connection string (default <c>parley.db</c> in the working directory).</summary>
    public string Db { get; init; } = "parley.db";

    /// <summary>The clock (deadline expiry, event times). Default: the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How often the deadline service looks for expired deadlines (default 30 s).</summary>
    public TimeSpan DeadlineSweepInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest accepted request body in bytes (default 64 KiB); larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Requests per second each caller may make (a token bucket per bearer token, per client address for
    /// the public; bursts of twice as many), so that one caller cannot starve the others; 429 beyond it.
    /// Default 200; null turns the limit off (load tests).
    /// </summary>
    public int? RequestsPerSecondPerCaller { get; init; } = 200;

    /// <summary>Minimum level of the server's own log (default Information; ASP.NET Core's own at Warning).</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;
}
