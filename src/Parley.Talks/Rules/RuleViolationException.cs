namespace Parley.Talks.Rules;

/// <summary>
/// A command broke a rule of the talks (HTTP 422, the rule named). Messages name only public things
/// (stage, venue, meeting, proposal ids) or the caller's own data, never another party's private data.
/// </summary>
public sealed class RuleViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleViolationException(string rule, string message)
        : base(message) => Rule = rule;

    /// <summary>The rule's id (see <see cref="TalksRules"/>).</summary>
    public string Rule { get; }
}
