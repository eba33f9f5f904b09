using System.Globalization;
using Parley.Negotiation.Simulation;

namespace Parley.Negotiation.Strategies;

/// <summary>
/// A strategy as written in a file or on the command line. Parameters may be distributions (sampled per
/// run in a forecast); tournaments use fixed values.
/// </summary>
/// <param name="Name">Display name (defaults to the text it was parsed from).</param>
/// <param name="Kind">Strategy family.</param>
/// <param name="Exponent">Time-dependent concession exponent e (e &lt; 1 Boulware, 1 linear, &gt; 1 Conceder).</param>
/// <param name="Rate">Aspiration: share of the remaining distance conceded per round.</param>
/// <param name="Acceptance">Acceptance condition.</param>
/// <param name="ModelOpponents">Use a frequency opponent model to choose among near-equal bids.</param>
public sealed record StrategySpec(string Name, StrategyKind Kind, Distribution Exponent, Distribution Rate, AcceptanceSpec Acceptance, bool ModelOpponents = false)
{
    /// <summary>The strategy names accepted in text form.</summary>
    public static IReadOnlyList<string> KnownNames { get; } =
        ["boulware", "linear", "conceder", "time", "hardliner", "tft", "rtft", "aspiration", "micro", "random"];

    /// <summary>The keys of a strategy written as a YAML mapping ({type, name, e, rate, accept, model}).</summary>
    internal static IReadOnlyList<string> MappingKeys { get; } = ["type", "name", "e", "rate", "accept", "model"];

    /// <summary>Builds an agent with parameters drawn from <paramref name="rng"/> (fixed parameters draw nothing).</summary>
    internal INegotiator Create(ref SplitMix64 rng, double exponentScale = 1)
    {
        var acceptance = Acceptance.ToCondition();
        IBidding bidding = Kind switch
        {
            StrategyKind.TimeDependent => new TimeDependentBidding(Exponent.Sample(ref rng) * exponentScale),
            StrategyKind.Hardliner => new HardlinerBidding(),
            StrategyKind.TitForTat => new TitForTatBidding(relative: false),
            StrategyKind.RelativeTitForTat => new TitForTatBidding(relative: true),
            StrategyKind.Aspiration => new AspirationBidding(Math.Clamp(Rate.Sample(ref rng), 0, 1)),
            StrategyKind.Micro => new MicroBidding(),
            StrategyKind.Random => new RandomBidding(),
            _ => throw new InvalidOperationException($"unknown strategy kind {Kind}"),
        };
        return new Negotiator(Name, bidding, acceptance, ModelOpponents);
    }

    /// <summary>
    /// Parses <c>NAME[:key=value,…]</c>, e.g. <c>boulware</c>, <c>time:e=0.5</c>, <c>aspiration:rate=0.2</c>,
    /// <c>linear:accept=combi(0.9),model=true</c>. Returns null and an error message when it does not parse.
    /// </summary>
    public static StrategySpec? TryParse(string text, out string error)
    {
        error = "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var head = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (colon >= 0)
        {
            foreach (var part in SplitTopLevel(text[(colon + 1)..]))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    error = $"strategy '{text}': expected key=value, found '{part}'";
                    return null;
                }

                pairs[part[..eq].Trim().ToLowerInvariant()] = part[(eq + 1)..].Trim();
            }
        }

        return Build(text, head, pairs, out error);
    }

    /// <summary>Builds a spec from a family name and its string parameters (shared by the text and YAML forms).</summary>
    internal static StrategySpec? Build(string name, string head, IReadOnlyDictionary<string, string> pairs, out string error)
    {
        error = "";
        var kind = StrategyKind.TimeDependent;
        var e = 1.0;
        switch (head)
        {
            case "boulware": e = 0.2; break;
            case "linear": e = 1; break;
            case "conceder": e = 2; break;
            case "time": break;
            case "hardliner": kind = StrategyKind.Hardliner; break;
            case "tft": kind = StrategyKind.TitForTat; break;
            case "rtft": kind = StrategyKind.RelativeTitForTat; break;
            case "aspiration": kind = StrategyKind.Aspiration; break;
            case "micro": kind = StrategyKind.Micro; break;
            case "random": kind = StrategyKind.Random; break;
            default:
                error = $"unknown strategy '{head}'; expected one of {string.Join(", ", KnownNames)}";
                return null;
        }

        var exponent = Distribution.Constant(e);
        var rate = Distribution.Constant(0.1);
        var acceptance = AcceptanceSpec.Default;
        var model = false;
        foreach (var (key, value) in pairs)
        {
            switch (key)
            {
                case "e" when Distribution.TryParse(value, out var d):
                    exponent = d;
                    if (d.Min <= 0)
                    {
                        error = $"strategy '{name}': e must be positive";
                        return null;
                    }

                    break;
                case "rate" when Distribution.TryParse(value, out var r):
                    rate = r;
                    break;
                case "accept" when AcceptanceSpec.TryParse(value, out var a):
                    acceptance = a;
                    break;
                case "model" when bool.TryParse(value, out var m):
                    model = m;
                    break;
                case "e" or "rate" or "accept" or "model":
                    error = $"strategy '{name}': invalid value '{value}' for '{key}'";
                    return null;
                default:
                    error = $"strategy '{name}': unknown parameter '{key}'; expected e, rate, accept or model";
                    return null;
            }
        }

        return new StrategySpec(name, kind, exponent, rate, acceptance, model);
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
