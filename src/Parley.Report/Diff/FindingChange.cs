namespace Parley.Report.Diff;

/// <summary>One finding of a lens in both versions.</summary>
/// <param name="Id">Stable id: <c>stability.nash</c>, <c>agreement.zone</c>, <c>agreement.nash</c>, <c>agreement.blocking</c>, <c>agreement.reopen</c>, <c>outlook.agreement</c>, <c>outlook.focus</c>, <c>forecast.DIMENSION</c>.</param>
/// <param name="Lens">stability, agreement, outlook or forecast.</param>
/// <param name="Name">The finding in words.</param>
/// <param name="Before">Its value in the older version, in words.</param>
/// <param name="After">Its value in the newer version, in words.</param>
/// <param name="Moved">True when the two differ.</param>
/// <param name="Gained">For set-valued findings (equilibria, blocking red lines, reopening relaxations): members only in the newer version.</param>
/// <param name="Lost">Members only in the older version.</param>
/// <param name="BeforeInterval">For probabilities: the older value with its 95% Wilson interval.</param>
/// <param name="AfterInterval">The newer value with its interval.</param>
/// <param name="MovedMostBy">For a moved finding: the change that, applied alone to the older version, moves it most; null when none does.</param>
/// <param name="Note">Why there is no <see cref="MovedMostBy"/> for a moved finding, or a caveat (a move within the simulation's noise).</param>
public sealed record FindingChange(
    string Id,
    string Lens,
    string Name,
    string Before,
    string After,
    bool Moved,
    IReadOnlyList<string> Gained,
    IReadOnlyList<string> Lost,
    Interval? BeforeInterval,
    Interval? AfterInterval,
    Attribution? MovedMostBy,
    string? Note);

/// <summary>A probability with its 95% interval.</summary>
public sealed record Interval(double P, double Low, double High);

/// <summary>The change that moves a finding most when applied alone to the older version.</summary>
/// <param name="Change">Its <see cref="DiffChange.Index"/>.</param>
/// <param name="Path">Its element path.</param>
/// <param name="Alone">The finding's value with that change alone, in words.</param>
/// <param name="Effect">How far it moves the finding (the same measure for every change of one finding: count of set members gained or lost, or absolute difference of the numbers).</param>
public sealed record Attribution(int Change, string Path, string Alone, double Effect);
