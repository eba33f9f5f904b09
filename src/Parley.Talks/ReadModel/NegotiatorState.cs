namespace Parley.Talks.ReadModel;

/// <summary>A negotiator appointed during the talks.</summary>
/// <param name="Party">Appointing party.</param>
/// <param name="Name">Negotiator.</param>
/// <param name="Role">Role (may be empty).</param>
/// <param name="At">When.</param>
public sealed record NegotiatorState(string Party, string Name, string Role, DateTimeOffset At);
