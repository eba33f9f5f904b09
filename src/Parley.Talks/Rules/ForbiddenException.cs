namespace Parley.Talks.Rules;

/// <summary>The caller's role may not do this (HTTP 403), e.g. an observer tabling a proposal.</summary>
public sealed class ForbiddenException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ForbiddenException(string message)
        : base(message)
    {
    }
}
