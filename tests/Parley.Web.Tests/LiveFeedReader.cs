namespace Parley.Web.Tests;

/// <summary>Reads <c>/live</c> one server-sent event block (its lines up to the blank line) at a time.</summary>
public static class LiveFeedReader
{
    /// <summary>The block that ends the catch-up: a named event with empty data and no id.</summary>
    public static readonly string[] LiveMarker = ["event: live", "data: "];

    /// <summary>The heartbeat of an idle feed, every 15 s of the server's clock: empty data, no id.</summary>
    public static readonly string[] KeepAlive = ["event: keep-alive", "data: "];

    /// <summary>The next block's lines without the blank line that ends it; null at the end of the stream.</summary>
    public static async Task<List<string>?> ReadBlockAsync(StreamReader reader, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        for (var line = await reader.ReadLineAsync(cancellationToken); line is not null; line = await reader.ReadLineAsync(cancellationToken))
        {
            if (line.Length == 0)
            {
                return lines;
            }

            lines.Add(line);
        }

        return lines.Count == 0 ? null : lines;
    }
}
