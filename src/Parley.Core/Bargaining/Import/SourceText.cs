namespace Parley.Bargaining.Import;

/// <summary>The text of an input file and the name used in diagnostics (the core reads no files itself).</summary>
/// <param name="File">File name or path, as shown in messages.</param>
/// <param name="Text">Contents.</param>
public sealed record SourceText(string File, string Text);
