namespace Parley.Talks.Access;

/// <summary>Who a caller is in a talks. Each role sees strictly less than the one after it, except that a party and the mediator see different private data.</summary>
public enum RoleKind
{
    /// <summary>No token: public statements and the talks list only.</summary>
    Public,

    /// <summary>An observer delegation: the timeline (stages, meetings, venues, deadlines) and public statements.</summary>
    Observer,

    /// <summary>A party delegation: contents (proposals, private statements) and its own private position.</summary>
    Party,

    /// <summary>The mediator: contents and what parties disclosed to it, nothing else private.</summary>
    Mediator,
}
