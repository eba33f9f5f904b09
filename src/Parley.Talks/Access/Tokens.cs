using System.Security.Cryptography;
using System.Text;

namespace Parley.Talks.Access;

/// <summary>Bearer tokens: 256 random bits, base64url; stored only as their SHA-256.</summary>
public static class Tokens
{
    /// <summary>A new random token (43 characters).</summary>
    public static string NewToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A token's public id: the first 12 hex digits of its hash (names it in the ledger and the API without revealing it).</summary>
    public static string Id(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return hash[..12];
    }
}
