using System.Globalization;
using Parley.Model;
using Parley.Negotiation.Strategies;
using Parley.Scenarios;

namespace Parley.Negotiation.Simulation;

/// <summary>Reads a raw <c>simulation:</c> tree into a <see cref="SimulationSpec"/>, collecting located errors.</summary>
internal sealed class SimulationSpecReader(string file, SimulationReferences refs)
{
    private static readonly string[] TopKeys =
        ["illustrative", "start", "horizon_days", "agreement_stage", "focus_stage", "defaults", "stages", "strategies", "uncertainty", "retry"];

    private static readonly string[] StageKeys =
        ["protocol", "mediated_protocol", "rounds", "round_days", "delay_days", "duration_days", "success", "strategy"];

    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool Failed => _diagnostics.Any(d => d.Severity == Severity.Error);

    public SimulationSpec Read(RawNode node)
    {
        if (node is not RawMapping map)
        {
            Error(node, "expected 'simulation:' to be a mapping (start, stages, strategies, uncertainty, …)");
            return SimulationSpec.Default;
        }

        CheckKeys(map, TopKeys, "simulation");
        DateOnly? start = null;
        if (map["start"] is { } s)
        {
            if (DateOnly.TryParseExact(Text(s), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                start = d;
            }
            else
            {
                Error(s, $"expected a date like 2025-08-19, found '{Text(s)}'");
            }
        }

        var horizon = map["horizon_days"] is { } h ? Int(h, 1, 36_500, "horizon_days") : 365;
        var agreement = StageRef(map["agreement_stage"], "agreement_stage");
        var focus = StageRef(map["focus_stage"], "focus_stage");
        var defaults = map["defaults"] is { } dn ? StageSettings.BuiltIn.Overlay(ReadStage(dn, "defaults", "simulation.defaults")) : StageSettings.BuiltIn;
        var stages = new List<KeyValuePair<string, StageSettings>>();
        if (map["stages"] is { } stagesNode)
        {
            foreach (var (key, value, keyNode) in Entries(stagesNode, "stages (stage id: settings)"))
            {
                if (!refs.Stages.Contains(key))
                {
                    Error(keyNode, $"unknown stage '{key}' in simulation.stages; the process declares {List(refs.Stages)}");
                }

                stages.Add(new(key, ReadStage(value, $"stage '{key}'", $"simulation.stages.{YamlTreeReader.Quote(key)}")));
            }
        }

        var strategies = new List<KeyValuePair<string, StrategySpec>>();
        if (map["strategies"] is { } strategiesNode)
        {
            foreach (var (key, value, keyNode) in Entries(strategiesNode, "strategies (party id: strategy)"))
            {
                if (!refs.Parties.Contains(key))
                {
                    Error(keyNode, $"unknown party '{key}' in simulation.strategies; parties are {List(refs.Parties)}");
                }

                if (ReadStrategy(value, $"simulation.strategies.{YamlTreeReader.Quote(key)}") is { } st)
                {
                    strategies.Add(new(key, st));
                }
            }
        }

        var uncertainty = map["uncertainty"] is { } un ? ReadUncertainty(un) : UncertaintySpec.None;
        var retry = map["retry"] is { } rn ? ReadRetry(rn) : RetrySpec.None;
        var illustrative = map["illustrative"] is { } il && Bool(il);
        return new SimulationSpec(start, horizon, agreement, focus, defaults, stages.ToValueList(), strategies.ToValueList(), uncertainty, retry, illustrative);
    }

    private StageSettings ReadStage(RawNode node, string what, string path)
    {
        if (node is not RawMapping map)
        {
            Error(node, $"expected the settings of {what} as a mapping ({string.Join(", ", StageKeys)})");
            return new StageSettings();
        }

        CheckKeys(map, StageKeys, path);
        return new StageSettings(
            map["protocol"] is { } p ? Protocol(p) : null,
            map["mediated_protocol"] is { } mp ? Protocol(mp) : null,
            map["rounds"] is { } r ? Int(r, 1, 1_000_000, "rounds") : null,
            map["round_days"] is { } rd ? Dist(rd, "round_days", positive: true) : null,
            map["delay_days"] is { } dd ? Dist(dd, "delay_days") : null,
            map["duration_days"] is { } du ? Dist(du, "duration_days") : null,
            map["success"] is { } su ? Probability(su, "success") : null,
            map["strategy"] is { } st ? ReadStrategy(st, path + ".strategy") : null);
    }

    private UncertaintySpec ReadUncertainty(RawNode node)
    {
        if (node is not RawMapping map)
        {
            Error(node, "expected 'uncertainty:' as a mapping (score_noise, weight_concentration, reservation_shift, erosion_per_week, red_lines)");
            return UncertaintySpec.None;
        }

        CheckKeys(map, ["score_noise", "weight_concentration", "reservation_shift", "erosion_per_week", "red_lines"], "simulation.uncertainty");
        var none = UncertaintySpec.None;
        var firm = none.Firm;
        var hazard = none.SofteningPerWeek;
        var overrides = new List<KeyValuePair<string, RedLineFirmness>>();
        if (map["red_lines"] is { } rl)
        {
            if (rl is RawMapping rlm)
            {
                CheckKeys(rlm, ["firm", "softening_per_week", "overrides"], "simulation.uncertainty.red_lines");
                firm = rlm["firm"] is { } f ? Probability(f, "firm") : firm;
                hazard = rlm["softening_per_week"] is { } h ? Probability(h, "softening_per_week") : hazard;
                if (rlm["overrides"] is { } ov)
                {
                    foreach (var (key, value, keyNode) in Entries(ov, "red line overrides (red line id: {firm, softening_per_week})"))
                    {
                        if (!refs.RedLines.Contains(key))
                        {
                            Error(keyNode, $"unknown red line '{key}'; red lines are {List(refs.RedLines)}");
                        }

                        if (value is RawMapping vm)
                        {
                            CheckKeys(vm, ["firm", "softening_per_week"], $"simulation.uncertainty.red_lines.overrides.{YamlTreeReader.Quote(key)}");
                            overrides.Add(new(key, new RedLineFirmness(
                                vm["firm"] is { } vf ? Probability(vf, "firm") : firm,
                                vm["softening_per_week"] is { } vh ? Probability(vh, "softening_per_week") : hazard)));
                        }
                        else
                        {
                            Error(value, $"expected red line override '{key}' as a mapping {{firm, softening_per_week}}");
                        }
                    }
                }
            }
            else
            {
                Error(rl, "expected 'red_lines:' as a mapping (firm, softening_per_week, overrides)");
            }
        }

        return new UncertaintySpec(
            map["score_noise"] is { } sn ? NonNegative(sn, "score_noise") : 0,
            map["weight_concentration"] is { } wc ? NonNegative(wc, "weight_concentration") : 0,
            (map["reservation_shift"] is { } rs ? Dist(rs, "reservation_shift") : null) ?? none.ReservationShift,
            (map["erosion_per_week"] is { } ew ? Dist(ew, "erosion_per_week") : null) ?? none.ErosionPerWeek,
            firm,
            hazard,
            overrides.ToValueList());
    }

    private RetrySpec ReadRetry(RawNode node)
    {
        if (node is not RawMapping map)
        {
            Error(node, "expected 'retry:' as a mapping (after_days, max, restart_from, deadline_days, pressure)");
            return RetrySpec.None;
        }

        CheckKeys(map, ["after_days", "max", "restart_from", "deadline_days", "pressure"], "simulation.retry");
        string? restart = null;
        if (map["restart_from"] is { } rf)
        {
            restart = Text(rf);
            if (restart != RetrySpec.FailedStage && !refs.Stages.Contains(restart))
            {
                Error(rf, $"retry.restart_from names unknown stage '{restart}'; expected {RetrySpec.FailedStage} or one of {List(refs.Stages)}");
            }
        }

        return new RetrySpec(
            (map["after_days"] is { } a ? Dist(a, "after_days") : null) ?? RetrySpec.None.AfterDays,
            map["max"] is { } m ? Int(m, 0, 1000, "retry.max") : 1,
            restart,
            map["deadline_days"] is { } dl ? Dist(dl, "deadline_days") : null,
            map["pressure"] is { } pn ? ReadPressure(pn) : null);
    }

    private PressureSpec ReadPressure(RawNode node)
    {
        if (node is not RawMapping map)
        {
            Error(node, "expected 'retry.pressure:' as a mapping (reservation_shift, softening_boost, parties)");
            return PressureSpec.None;
        }

        CheckKeys(map, ["reservation_shift", "softening_boost", "parties"], "simulation.retry.pressure");
        var parties = new List<string>();
        if (map["parties"] is { } pn)
        {
            if (pn is RawSequence seq)
            {
                foreach (var item in seq.Items)
                {
                    var id = Text(item);
                    if (!refs.Parties.Contains(id))
                    {
                        Error(item, $"unknown party '{id}' in retry.pressure.parties; parties are {List(refs.Parties)}");
                    }

                    parties.Add(id);
                }
            }
            else
            {
                Error(pn, "expected 'parties:' as a list of party ids, e.g. [RU]");
            }
        }

        var none = PressureSpec.None;
        return new PressureSpec(
            (map["reservation_shift"] is { } rs ? Dist(rs, "pressure.reservation_shift") : null) ?? none.ReservationShift,
            map["softening_boost"] is { } sb ? Probability(sb, "softening_boost") : none.SofteningBoost,
            parties.ToValueList());
    }

    private StrategySpec? ReadStrategy(RawNode node, string path)
    {
        string? error;
        StrategySpec? spec;
        if (node is RawScalar s)
        {
            spec = StrategySpec.TryParse(s.Text, out error);
        }
        else if (node is RawMapping m)
        {
            CheckKeys(m, StrategySpec.MappingKeys, path);
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            string? type = null;
            string? name = null;
            foreach (var e in m.Entries.Where(e => StrategySpec.MappingKeys.Contains(e.Key)))
            {
                if (e.Value is not RawScalar v)
                {
                    Error(e.Value, $"expected a single value for strategy parameter '{e.Key}'");
                    return null;
                }

                if (e.Key == "type")
                {
                    type = v.Text;
                }
                else if (e.Key == "name")
                {
                    name = v.Text;
                }
                else
                {
                    pairs[e.Key] = v.Text;
                }
            }

            if (type is null)
            {
                Error(node, $"strategy needs 'type:' (one of {string.Join(", ", StrategySpec.KnownNames)})");
                return null;
            }

            spec = StrategySpec.Build(name ?? type, type.ToLowerInvariant(), pairs, out error);
        }
        else
        {
            Error(node, "expected a strategy: a name such as 'boulware' or 'time:e=0.5', or a mapping {type, e, rate, accept, model}");
            return null;
        }

        if (spec is null)
        {
            Error(node, error);
        }

        return spec;
    }

    private Distribution? Dist(RawNode node, string what, bool positive = false)
    {
        Distribution? d = null;
        if (node is RawScalar s)
        {
            if (Distribution.TryParse(s.Text, out var parsed, out var why))
            {
                d = parsed;
            }
            else if (why.Length > 0)
            {
                Error(node, $"{what}: {why}");
            }
            else
            {
                Error(node, $"{what}: expected a number or a distribution such as triangular(1, 3, 7), uniform(0, 1), loguniform(0.1, 1), normal(0, 5); found '{s.Text}'");
            }
        }
        else if (node is RawMapping { Entries.Count: 1 } m && m.Entries[0].Value is RawSequence seq)
        {
            var args = new List<double>();
            foreach (var item in seq.Items)
            {
                if (item is RawScalar x && double.TryParse(x.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
                {
                    args.Add(v);
                }
                else
                {
                    Error(item, $"{what}: expected a number");
                    return null;
                }
            }

            if (Distribution.TryCreate(m.Entries[0].Key, args, out var created, out var error))
            {
                d = created;
            }
            else
            {
                Error(node, $"{what}: {error}");
            }
        }
        else
        {
            Error(node, $"{what}: expected a number, 'triangular(min, mode, max)' or a mapping like {{triangular: [min, mode, max]}}");
        }

        if (d is not null && (positive ? d.Min <= 0 : d.Min < 0) && !what.EndsWith("reservation_shift", StringComparison.Ordinal))
        {
            Error(node, $"{what} must be {(positive ? "positive" : "non-negative")}; {d} can be {d.Min.ToString(CultureInfo.InvariantCulture)}");
        }

        return d;
    }

    private ProtocolKind? Protocol(RawNode node) => Text(node).ToLowerInvariant() switch
    {
        "alternating" or "saop" or "stacked" => ProtocolKind.Alternating,
        "mediated-veto" or "mediated_veto" or "veto" => ProtocolKind.MediatedVeto,
        "mediated-hill-climbing" or "mediated_hill_climbing" or "hill-climbing" => ProtocolKind.MediatedHillClimbing,
        var t => Fail<ProtocolKind?>(node, $"unknown protocol '{t}'; expected alternating, mediated-veto or mediated-hill-climbing"),
    };

    private string? StageRef(RawNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        var id = Text(node);
        if (!refs.Stages.Contains(id))
        {
            Error(node, $"{what} names unknown stage '{id}'; the process declares {List(refs.Stages)}");
        }

        return id;
    }

    private IEnumerable<(string Key, RawNode Value, RawNode KeyNode)> Entries(RawNode node, string what)
    {
        if (node is RawMapping m)
        {
            return m.KeyedEntries.Select(e => (e.Key.Text, e.Value, (RawNode)e.Key));
        }

        Error(node, $"expected {what} as a mapping");
        return [];
    }

    private void CheckKeys(RawMapping map, IReadOnlyCollection<string> known, string path) => UnknownKeys.Check(map, known, path, file, _diagnostics);

    private string Text(RawNode node)
    {
        if (node is RawScalar s)
        {
            return s.Text;
        }

        Error(node, "expected a single value");
        return "";
    }

    private int Int(RawNode node, int min, int max, string what)
    {
        if (int.TryParse(Text(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
        {
            return v;
        }

        Error(node, $"{what}: expected a whole number from {min} to {max}");
        return min;
    }

    private double Probability(RawNode node, string what)
    {
        if (double.TryParse(Text(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1)
        {
            return v;
        }

        Error(node, $"{what}: expected a probability from 0 to 1");
        return 0;
    }

    private double NonNegative(RawNode node, string what)
    {
        if (double.TryParse(Text(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0)
        {
            return v;
        }

        Error(node, $"{what}: expected a non-negative number");
        return 0;
    }

    private bool Bool(RawNode node)
    {
        if (Scenarios.YamlBoolean.Parse(Text(node)) is { } value)
        {
            return value;
        }

        Error(node, "expected true or false");
        return false;
    }

    private T Fail<T>(RawNode node, string message)
    {
        Error(node, message);
        return default!;
    }

    private static string List(IEnumerable<string> ids) => ids.Any() ? string.Join(", ", ids) : "(none)";

    private void Error(RawNode node, string message) =>
        _diagnostics.Add(new Diagnostic(Severity.Error, file, node.Span.Line, node.Span.Column, "simulation: " + message));
}
