using Parley.Scenarios;
using Parley.Talks.Service;
using Parley.Talks.Storage;

namespace Parley.Web;

/// <summary>The flagship (examples/ukraine-talks-2025.yaml, embedded) opened as demo talks.</summary>
public static class DemoTalks
{
    /// <summary>
    /// Opens the flagship as talks <c>ukraine-talks-2025</c> (or, when the database already holds
    /// them, keeps their ledger) and issues a fresh token per role.
    /// </summary>
    public static async Task<CreatedTalks> OpenAsync(TalksService service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        using var stream = typeof(DemoTalks).Assembly.GetManifestResourceStream("demo/ukraine-talks-2025.yaml")
            ?? throw new InvalidOperationException("demo scenario not embedded");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return await OpenAsync(service, ScenarioLoader.LoadOrThrow(buffer.ToArray(), "ukraine-talks-2025.yaml"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a scenario as talks (id: the scenario's id), or keeps existing talks of that id; issues a fresh token per role.</summary>
    public static async Task<CreatedTalks> OpenAsync(TalksService service, Model.Scenario scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(scenario);
        try
        {
            return await service.CreateAsync(scenario, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyException)
        {
            return new CreatedTalks(scenario.Id, await service.IssueTokensAsync(scenario.Id, cancellationToken).ConfigureAwait(false));
        }
    }
}
