namespace Parley.Talks.Rules;

/// <summary>
/// Nothing the caller may see is there (HTTP 404). Also answered for things that exist but are
/// another party's, so the answer does not reveal whether they exist.
/// </summary>
public sealed class NotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotFoundException(string message)
        : base(message)
    {
    }
}
