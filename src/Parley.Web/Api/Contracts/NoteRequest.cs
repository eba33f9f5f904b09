namespace Parley.Web.Api.Contracts;

/// <summary>A free-text note: a meeting summary, a cancellation or rejection reason.</summary>
/// <param name="Text">The text.</param>
public sealed record NoteRequest(
    string? Text);
