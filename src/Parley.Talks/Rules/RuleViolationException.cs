namespace Parley.Talks.Rules;

/// <summary>
/// A command broke a rule of the talks (HTTP 422 or 409, the rule named). Messages name only public things
/// (stage, venue, meeting, proposal ids) or the caller's own data, never another party's private data.
/// </summary>
public sealed class RuleViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleViolationException(string rule, string message, int status = 422)
        : base(message)
    {
        Rule = rule;
        Status = status;
    }

    /// <summary>The HTTP status: 422 for a broken rule, 409 when the talks' state (a consent, a budget) refuses it.</summary>
    public int Status { get; }

    /// <summary>The rule's id (see <see cref="TalksRules"/>).</summary>
    public string Rule { get; }
}
