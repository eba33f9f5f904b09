namespace Parley.Talks.ReadModel;

/// <summary>Where a meeting stands.</summary>
public enum MeetingStatus
{
    /// <summary>Proposed, venue not confirmed.</summary>
    Proposed,

    /// <summary>Confirmed: every participant accepted its venue.</summary>
    Scheduled,

    /// <summary>Took place.</summary>
    Held,

    /// <summary>Called off.</summary>
    Cancelled,
}
