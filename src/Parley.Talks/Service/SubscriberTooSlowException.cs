namespace Parley.Talks.Service;

/// <summary>A live subscriber fell too far behind and was cut off; it resumes after its last sequence number.</summary>
public sealed class SubscriberTooSlowException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SubscriberTooSlowException()
        : base("the subscriber fell too far behind; resume from the last event id")
    {
    }
}
