namespace Parley.Conflict;

/// <summary>A problem in a gmcr-py save file at a JSON path.</summary>
internal sealed class GmcrFormatException(string path, string message) : Exception(message)
{
    /// <summary>JSON path of the problem, e.g. <c>$.decisionMakers[1].options[0]</c>.</summary>
    public string Path { get; } = path;
}
