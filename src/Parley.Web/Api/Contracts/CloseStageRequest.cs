using Parley.Model;

namespace Parley.Web.Api.Contracts;

/// <summary>Close a stage.</summary>
/// <param name="Outcome"><c>done</c> or <c>failed</c>.</param>
/// <param name="Reason">Why.</param>
public sealed record CloseStageRequest(
    StageStatus Outcome,
    string? Reason);
