namespace Parley.Talks.Access;

/// <summary>An authenticated (or anonymous) caller of one talks.</summary>
/// <param name="Kind">Role.</param>
/// <param name="Party">For a party, its id; for the mediator, the mediating party's id; else null.</param>
public sealed record Caller(RoleKind Kind, string? Party)
{
    /// <summary>The anonymous public.</summary>
    public static Caller Public { get; } = new(RoleKind.Public, null);

    /// <summary>The server itself (deadline expiry, talks creation). Never returned for a token.</summary>
    internal static Caller System { get; } = new(RoleKind.Mediator, null) { IsSystem = true };

    /// <summary>True only for <see cref="System"/>.</summary>
    internal bool IsSystem { get; private init; }

    /// <summary>True for a party or the mediator: those see the talks' contents.</summary>
    public bool SeesContents => Kind is RoleKind.Party or RoleKind.Mediator;

    /// <summary>True for anyone but the anonymous public: those see the timeline.</summary>
    public bool SeesTimeline => Kind != RoleKind.Public;

    /// <summary>The actor string stored with appended events.</summary>
    public string Actor => IsSystem ? "system" : Kind switch
    {
        RoleKind.Party => $"party:{Party}",
        RoleKind.Mediator => $"mediator:{Party}",
        RoleKind.Observer => "observer",
        _ => "public",
    };
}
