namespace Parley.Talks.Access;

/// <summary>An authenticated (or anonymous) caller of one talks.</summary>
/// <param name="Kind">Role.</param>
/// <param name="Party">For a party delegation, its id; null for everyone else (the mediator is not the party it belongs to).</param>
public sealed record Caller(RoleKind Kind, string? Party)
{
    /// <summary>The anonymous public.</summary>
    public static Caller Public { get; } = new(RoleKind.Public, null);

    /// <summary>The observer delegation.</summary>
    public static Caller Observer { get; } = new(RoleKind.Observer, null);

    /// <summary>The mediator.</summary>
    public static Caller Mediator { get; } = new(RoleKind.Mediator, null);

    /// <summary>The organiser.</summary>
    public static Caller Organiser { get; } = new(RoleKind.Organiser, null);

    /// <summary>The server itself (deadline expiry, talks creation). Never returned for a token; sees nothing.</summary>
    internal static Caller System { get; } = new(RoleKind.Organiser, null) { IsSystem = true };

    /// <summary>A party delegation.</summary>
    public static Caller OfParty(string party) => new(RoleKind.Party, party);

    /// <summary>True only for <see cref="System"/>.</summary>
    internal bool IsSystem { get; private init; }

    /// <summary>
    /// The caller's identity in the ledger (the actor of what it appends) and the key of its own
    /// view: <c>party:RU</c>, <c>mediator</c>, <c>observer</c>, <c>organiser</c>, <c>public</c>, <c>system</c>.
    /// </summary>
    public string Key => IsSystem ? "system" : Kind switch
    {
        RoleKind.Party => $"party:{Party}",
        RoleKind.Mediator => "mediator",
        RoleKind.Observer => "observer",
        RoleKind.Organiser => "organiser",
        _ => "public",
    };

    /// <summary>The actor string stored with appended events (same as <see cref="Key"/>).</summary>
    public string Actor => Key;

    /// <summary>Ledgers written before the mediator was its own actor stored <c>mediator:US</c>; read it as <c>mediator</c>.</summary>
    internal static string NormalizeActor(string actor) => actor.StartsWith("mediator:", StringComparison.Ordinal) ? "mediator" : actor;
}
