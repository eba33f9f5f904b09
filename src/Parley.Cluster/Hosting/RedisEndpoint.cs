using System.Globalization;
using System.Net;

namespace Parley.Cluster.Hosting;

/// <summary>Validates the <c>HOST:PORT</c> form used for <c>--redis</c> and <c>--cluster</c>.</summary>
public static class RedisEndpoint
{
    /// <summary>Parses <c>HOST:PORT</c> (host name, IPv4, or [IPv6]); returns an error message instead of throwing.</summary>
    public static bool TryParse(string? text, out string host, out int port, out string error)
    {
        host = "";
        port = 0;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "expected HOST:PORT, got an empty value";
            return false;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            error = $"expected HOST:PORT, got '{text}'";
            return false;
        }

        host = text[..colon].Trim('[', ']');
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            error = $"port in '{text}' must be a number from 1 to 65535";
            return false;
        }

        return true;
    }

    /// <summary>True when <paramref name="host"/> names this machine's loopback interface.</summary>
    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
