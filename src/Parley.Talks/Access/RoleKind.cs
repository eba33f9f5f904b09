namespace Parley.Talks.Access;

/// <summary>Who a caller is in a talks. What each sees is decided by <see cref="VisibilityPolicy"/>.</summary>
public enum RoleKind
{
    /// <summary>No token: public statements and the talks list only.</summary>
    Public,

    /// <summary>An observer delegation: the timeline (stages, meetings, venues, deadlines) and public statements.</summary>
    Observer,

    /// <summary>A party delegation: the contents of the stages it sits in and its own private position.</summary>
    Party,

    /// <summary>The mediator: the contents of the stages from its entry stage on and what parties disclosed to it.</summary>
    Mediator,

    /// <summary>The organiser: opens talks and issues, rotates and revokes tokens; sees the timeline and token events, no contents.</summary>
    Organiser,
}
