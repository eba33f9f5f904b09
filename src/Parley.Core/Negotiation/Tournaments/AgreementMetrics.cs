using Parley.Model;

namespace Parley.Negotiation.Tournaments;

/// <summary>Builds a domain's <see cref="IAgreementMetrics"/>.</summary>
internal static class AgreementMetrics
{
    /// <summary>Metrics for the listed parties of a scenario.</summary>
    public static IAgreementMetrics For(Scenario scenario, IReadOnlyList<string> parties, bool redLines)
    {
        _ = (scenario, parties, redLines);
        return Unknown.Instance;
    }

    /// <summary>No reference points (used until the bargaining lens provides them).</summary>
    internal sealed class Unknown : IAgreementMetrics
    {
        public static Unknown Instance { get; } = new();

        public double? DistanceToPareto(IReadOnlyList<double> utilities) => null;

        public double? DistanceToNash(IReadOnlyList<double> utilities) => null;
    }
}
