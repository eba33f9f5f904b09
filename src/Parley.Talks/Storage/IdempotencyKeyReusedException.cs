namespace Parley.Talks.Storage;

/// <summary>An idempotency key came back with a different request (HTTP 422).</summary>
public sealed class IdempotencyKeyReusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IdempotencyKeyReusedException()
        : base("this Idempotency-Key was already used for a different request")
    {
    }
}
