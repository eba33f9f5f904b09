namespace Parley.Cli.Infrastructure;

/// <summary>A user error in how a command was called (exit code 2, message only, no stack trace).</summary>
internal sealed class UsageException(string message) : Exception(message);
