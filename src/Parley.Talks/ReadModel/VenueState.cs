namespace Parley.Talks.ReadModel;

/// <summary>A venue and where each party stands on it.</summary>
public sealed class VenueState
{
    internal VenueState(string id, string name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>Venue id.</summary>
    public string Id { get; }

    /// <summary>Place.</summary>
    public string Name { get; }

    /// <summary>Parties that accept it (a later rejection removes a party from here).</summary>
    public SortedSet<string> AcceptedBy { get; } = new(StringComparer.Ordinal);

    /// <summary>Parties that reject it.</summary>
    public SortedSet<string> RejectedBy { get; } = new(StringComparer.Ordinal);
}
