using Parley.Model;

namespace Parley.Talks.Ledger;

/// <summary>A deadline passed; its consequence applies.</summary>
/// <param name="Deadline">Deadline id.</param>
/// <param name="Consequence">The consequence that applied.</param>
public sealed record DeadlineExpired(string Deadline, DeadlineConsequence Consequence) : TalksEvent;
