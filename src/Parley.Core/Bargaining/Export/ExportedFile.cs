namespace Parley.Bargaining.Export;

/// <summary>One file of an export: its name inside the output folder and its text (UTF-8 when written).</summary>
/// <param name="Name">File name, no folder (e.g. <c>RU.xml</c>).</param>
/// <param name="Text">Contents.</param>
internal sealed record ExportedFile(string Name, string Text);
