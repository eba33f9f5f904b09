using System.Globalization;
using Parley.Model;
using Parley.Negotiation.Simulation;
using Parley.Negotiation.Strategies;
using Parley.Scenarios;

namespace Parley.Negotiation.Tournaments;

/// <summary>Reads a tournament config (YAML) with located errors.</summary>
public static class TournamentSpecReader
{
    private static readonly string[] DomainKeys = ["scenario", "genius", "negmas", "parties", "red_lines", "name"];

    /// <summary>Parses UTF-8 YAML; returns the spec, or null and the errors (file:line:col).</summary>
    public static (TournamentSpec? Spec, IReadOnlyList<Diagnostic> Diagnostics) Read(ReadOnlySpan<byte> bytes, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var node = YamlTreeReader.Read(bytes, file, diagnostics);
        if (node is null)
        {
            return (null, diagnostics);
        }

        void Error(RawNode at, string message) => diagnostics.Add(new Diagnostic(Severity.Error, file, at.Span.Line, at.Span.Column, message));
        if (node is not RawMapping map)
        {
            Error(node, "expected a tournament mapping (strategies, domains, rounds, repetitions, …)");
            return (null, diagnostics);
        }

        string[] known = ["tournament", "name", "seed", "repetitions", "protocol", "rounds", "limits", "strategies", "domains"];
        UnknownKeys.Check(map, known, "tournament", file, diagnostics);

        string Text(RawNode n)
        {
            if (n is RawScalar s)
            {
                return s.Text;
            }

            Error(n, "expected a single value");
            return "";
        }

        int Int(RawNode? n, int fallback, int min, int max, string what)
        {
            if (n is null)
            {
                return fallback;
            }

            if (int.TryParse(Text(n), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            {
                return v;
            }

            Error(n, $"{what}: expected a whole number from {min} to {max}");
            return fallback;
        }

        var name = map["name"] is { } nn ? Text(nn) : Path.GetFileNameWithoutExtension(file);
        ulong seed = 1;
        if (map["seed"] is { } sn && !ulong.TryParse(Text(sn), NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            Error(sn, "seed: expected a non-negative whole number");
        }

        var repetitions = Int(map["repetitions"], 1, 1, 100_000, "repetitions");
        var rounds = Int(map["rounds"], 100, 1, 1_000_000, "rounds");
        var protocol = ProtocolKind.Alternating;
        if (map["protocol"] is { } pn)
        {
            switch (Text(pn).ToLowerInvariant())
            {
                case "alternating" or "saop":
                    break;
                case "mediated-veto":
                    protocol = ProtocolKind.MediatedVeto;
                    break;
                case "mediated-hill-climbing":
                    protocol = ProtocolKind.MediatedHillClimbing;
                    break;
                default:
                    Error(pn, $"unknown protocol '{Text(pn)}'; expected alternating, mediated-veto or mediated-hill-climbing");
                    break;
            }
        }

        double? seconds = null;
        if (map["limits"] is RawMapping limits)
        {
            UnknownKeys.Check(limits, ["seconds", "rounds"], "tournament.limits", file, diagnostics);
            if (limits["seconds"] is { } sv)
            {
                if (double.TryParse(Text(sv), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && double.IsFinite(s))
                {
                    seconds = s;
                }
                else
                {
                    Error(sv, "limits.seconds: expected a positive number of seconds");
                }
            }

            rounds = Int(limits["rounds"], rounds, 1, 1_000_000, "limits.rounds");
        }
        else if (map["limits"] is { } ln)
        {
            Error(ln, "expected limits: {seconds: N, rounds: N}");
        }

        var strategies = new List<StrategySpec>();
        if (map["strategies"] is RawSequence ss)
        {
            foreach (var item in ss.Items)
            {
                StrategySpec? spec = null;
                string error = "";
                if (item is RawScalar s)
                {
                    spec = StrategySpec.TryParse(s.Text, out error);
                }
                else if (item is RawMapping m && m["type"] is RawScalar type)
                {
                    UnknownKeys.Check(m, StrategySpec.MappingKeys, "tournament.strategies", file, diagnostics);
                    var pairs = m.Entries.Where(e => e.Key is not "type" and not "name" && StrategySpec.MappingKeys.Contains(e.Key))
                        .ToDictionary(e => e.Key, e => Text(e.Value), StringComparer.Ordinal);
                    spec = StrategySpec.Build(m["name"] is { } n ? Text(n) : type.Text, type.Text.ToLowerInvariant(), pairs, out error);
                }
                else
                {
                    error = "expected a strategy name (e.g. boulware, time:e=0.5) or {name, type, e, rate, accept, model}";
                }

                if (spec is null)
                {
                    Error(item, error);
                }
                else if (strategies.Any(x => x.Name == spec.Name))
                {
                    Error(item, $"strategy name '{spec.Name}' is used twice; give one a 'name:'");
                }
                else
                {
                    strategies.Add(spec);
                }
            }
        }

        if (strategies.Count == 0 && !diagnostics.Any(d => d.Severity == Severity.Error))
        {
            Error(map["strategies"] ?? map, "a tournament needs 'strategies:' with at least one strategy");
        }

        var domains = new List<DomainRef>();
        if (map["domains"] is RawSequence ds)
        {
            foreach (var item in ds.Items)
            {
                if (item is not RawMapping dm)
                {
                    Error(item, "expected a domain: {scenario: FILE, parties: [A, B]}, {genius: FOLDER} or {negmas: FOLDER}");
                    continue;
                }

                UnknownKeys.Check(dm, DomainKeys, "tournament.domains", file, diagnostics);

                var kind = dm["scenario"] is not null ? "scenario" : dm["genius"] is not null ? "genius" : dm["negmas"] is not null ? "negmas" : null;
                if (kind is null)
                {
                    Error(dm, "a domain needs 'scenario: FILE', 'genius: FOLDER' or 'negmas: FOLDER'");
                    continue;
                }

                var pathNode = dm[kind]!;
                var paths = pathNode is RawSequence ps ? ps.Items.Select(Text).ToValueList() : ValueList.Of(Text(pathNode));
                var parties = dm["parties"] is RawSequence pp ? pp.Items.Select(Text).ToValueList() : ValueList<string>.Empty;
                var redLines = true;
                if (dm["red_lines"] is { } rl)
                {
                    if (Scenarios.YamlBoolean.Parse(Text(rl)) is { } flag)
                    {
                        redLines = flag;
                    }
                    else
                    {
                        Error(rl, "red_lines: expected true or false");
                    }
                }

                var domainName = dm["name"] is { } dn ? Text(dn) : Path.GetFileNameWithoutExtension(paths[0].TrimEnd('/'));
                if (domains.Any(d => d.Name == domainName))
                {
                    Error(dm, $"domain name '{domainName}' is used twice; give one a 'name:'");
                }

                domains.Add(new DomainRef(kind, paths, parties, redLines, domainName, dm.Span));
            }
        }

        if (domains.Count == 0 && !diagnostics.Any(d => d.Severity == Severity.Error))
        {
            Error(map["domains"] ?? map, "a tournament needs 'domains:' with at least one {scenario: FILE}");
        }

        var failed = diagnostics.Any(d => d.Severity == Severity.Error);
        return (failed ? null : new TournamentSpec(name, seed, repetitions, protocol, rounds, seconds, strategies.ToValueList(), domains.ToValueList()), diagnostics);
    }
}
