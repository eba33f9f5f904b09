namespace Parley.Negotiation.Simulation;

/// <summary>
/// What happens after a stage fails (the brief's "any stage → F; F → S1 after a pressure step"): the talks
/// stall; <paramref name="AfterDays"/> later a pressure step applies <paramref name="Pressure"/>, gives the stalled
/// stage a new calendar deadline (<paramref name="DeadlineDays"/>) and the talks restart from
/// <paramref name="RestartFrom"/>, re-running it and every stage after it (stages marked done stay done).
/// </summary>
/// <param name="AfterDays">Days from the failure to the pressure step (and the restart).</param>
/// <param name="Max">Most pressure steps per run; the next failure ends the talks.</param>
/// <param name="RestartFrom">Stage id to restart from; null = the process's first stage (the brief's S1); <see cref="FailedStage"/> = the stalled stage only.</param>
/// <param name="DeadlineDays">The stalled stage's new calendar deadline, in days after the pressure step; null = none.</param>
/// <param name="Pressure">The pressure step's effect on the parties.</param>
public sealed record RetrySpec(Distribution AfterDays, int Max, string? RestartFrom = null, Distribution? DeadlineDays = null, PressureSpec? Pressure = null)
{
    /// <summary>The <see cref="RestartFrom"/> value that reopens only the stalled stage (and re-runs nothing before it).</summary>
    public const string FailedStage = "failed-stage";

    /// <summary>No retries.</summary>
    public static RetrySpec None { get; } = new(Distribution.Constant(14), 0);

    /// <summary>The pressure step's effect (<see cref="PressureSpec.None"/> when not declared).</summary>
    public PressureSpec Effect => Pressure ?? PressureSpec.None;
}
