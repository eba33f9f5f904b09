using Parley.Scenarios;
using Parley.Talks.Service;

namespace Parley.Web;

/// <summary>The flagship (examples/ukraine-talks-2025.yaml, embedded) opened as demo talks.</summary>
public static class DemoTalks
{
    /// <summary>The flagship scenario as embedded.</summary>
    public static Model.Scenario Scenario()
    {
        using var stream = typeof(DemoTalks).Assembly.GetManifestResourceStream("demo/ukraine-talks-2025.yaml")
            ?? throw new InvalidOperationException("demo scenario not embedded");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return ScenarioLoader.LoadOrThrow(buffer.ToArray(), "ukraine-talks-2025.yaml");
    }

    /// <summary>
    /// Opens the flagship as talks <c>ukraine-talks-2025</c> with one token per role, or keeps existing
    /// talks of that id and issues no token unless <paramref name="newTokens"/> (which rotates them).
    /// </summary>
    public static Task<CreatedTalks> OpenAsync(TalksService service, bool newTokens = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.OpenAsync(Scenario(), newTokens, cancellationToken: cancellationToken);
    }
}
