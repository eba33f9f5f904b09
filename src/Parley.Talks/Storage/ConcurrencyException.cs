namespace Parley.Talks.Storage;

/// <summary>The stream was not at the expected version (HTTP 409).</summary>
public sealed class ConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyException(string talksId, long expected, long actual)
        : base($"talks '{talksId}' is at version {actual}, not {expected}")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The version the request expected.</summary>
    public long Expected { get; }

    /// <summary>The stream's version.</summary>
    public long Actual { get; }
}
