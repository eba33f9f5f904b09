using System.Globalization;
using Parley.Bargaining;
using Parley.Conflict;
using Parley.Forecast;
using Parley.Model;
using Parley.Negotiation.Simulation;
using Parley.Scenarios;

namespace Parley.Report.Diff;

/// <summary>
/// The findings the diff compares, per lens, computed through the lenses' entry points with the briefing's settings
/// (standard stability concepts with full sanctions; bargaining over the non-optional parties with preferences;
/// the staged simulation with the report's runs and seed; SMP with the seed). No lens is re-implemented here.
/// </summary>
internal static class LensFindings
{
    public static readonly string[] Lenses = ["stability", "agreement", "outlook", "forecast"];

    /// <summary>The scenario sections each lens reads; a change elsewhere cannot move its findings.</summary>
    public static bool Reads(string lens, string section) => lens switch
    {
        "stability" => section == "conflict",
        "agreement" => section is "scenario" or "parties" or "issues" or "preferences",
        "outlook" => section is "scenario" or "parties" or "issues" or "preferences" or "process" or "simulation",
        _ => section == "forecast",
    };

    public static Dictionary<string, FindingValue> Of(string lens, Scenario s, string name, DiffOptions options, CancellationToken ct) => lens switch
    {
        "stability" => Stability(s),
        "agreement" => Agreement(s, ct),
        "outlook" => Outlook(s, name, options, ct),
        _ => Forecast(s, name, options, ct),
    };

    private static Dictionary<string, FindingValue> Stability(Scenario s)
    {
        var found = new Dictionary<string, FindingValue>(StringComparer.Ordinal);
        if (s.Conflict is not { } spec)
        {
            foreach (var c in StabilityConcept.Standard)
            {
                found["stability." + c.Key] = new("stability", $"{c.Title} equilibria", "no conflict section");
            }

            return found;
        }

        ConflictModel model;
        try
        {
            model = ConflictModelFactory.FromSpec(spec);
        }
        catch (ArgumentException ex)
        {
            found["stability.nash"] = new("stability", "Nash equilibria", "the conflict lens failed: " + ex.Message);
            return found;
        }

        var result = new StabilityEngine(model, Player.Individuals(model), SanctionMode.Full).Analyze(StabilityConcept.Standard);
        for (var i = 0; i < StabilityConcept.Standard.Count; i++)
        {
            var c = StabilityConcept.Standard[i];
            var states = result.Equilibria(i).Select(st => Taken(model, st)).Order(StringComparer.Ordinal).ToList();
            found["stability." + c.Key] = new("stability", $"{c.Title} equilibria", $"{states.Count}: {(states.Count == 0 ? "none" : string.Join("; ", states))}", [states.Count], states);
        }

        return found;
    }

    /// <summary>A state by the options taken in it (comparable across versions whose option lists differ).</summary>
    private static string Taken(ConflictModel model, int state)
    {
        var mask = model.Mask(state);
        var taken = model.Options.Where((_, k) => ((mask >> k) & 1) == 1).Select(o => o.Id).ToList();
        return taken.Count == 0 ? "{nothing taken}" : "{" + string.Join(", ", taken) + "}";
    }

    private static Dictionary<string, FindingValue> Agreement(Scenario s, CancellationToken ct)
    {
        var found = new Dictionary<string, FindingValue>(StringComparer.Ordinal);
        var parties = s.Parties.Where(p => !p.Optional && s.PreferencesOf(p.Id) is not null).Select(p => p.Id).ToList();
        BargainingResult? result = null;
        string? why = parties.Count < 2 ? "fewer than two parties with preferences" : null;
        if (why is null)
        {
            try
            {
                result = BargainingSolver.Solve(s, new BargainingOptions { Parties = parties }, ct);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                why = "the bargaining lens failed: " + ex.Message;
            }
        }

        if (result is null)
        {
            foreach (var (id, name) in new[] { ("zone", "agreement zone"), ("nash", "Nash package"), ("blocking", "red lines that block"), ("reopen", "what reopens the zone") })
            {
                found["agreement." + id] = new("agreement", name, why!);
            }

            return found;
        }

        var total = Words.Count(result.Outcomes);
        found["agreement.zone"] = result.AgreementZone is { } z
            ? new("agreement", "agreement zone", $"{Words.Count(z)} of {total} packages", [z])
            : new("agreement", "agreement zone", $"not counted (over {total} packages)");
        found["agreement.nash"] = result.Nash is { } nash
            ? new("agreement", "Nash package", $"{nash.Label} ({string.Join(", ", nash.Parties.Select(p => $"{p.PartyId} {Num(p.Utility)}"))})", [.. nash.Parties.Select(p => p.Utility)])
            : new("agreement", "Nash package", "none (empty zone)");
        var conflicts = result.Diagnosis?.Conflicts.Select(c => string.Join(" + ", c)).ToList() ?? [];
        found["agreement.blocking"] = new("agreement", "red lines that block", conflicts.Count == 0 ? "none" : string.Join("; ", conflicts), Items: conflicts);
        var reopen = result.Diagnosis?.Relaxations.Select(r => $"drop {string.Join(" + ", r.Drop)} → {(r.AgreementZone is { } n ? Words.Count(n) : "?")} packages").ToList() ?? [];
        found["agreement.reopen"] = new("agreement", "what reopens the zone", result.HasAgreement ? "open" : reopen.Count == 0 ? "nothing up to 3 red lines" : string.Join("; ", reopen), Items: reopen);
        return found;
    }

    private static Dictionary<string, FindingValue> Outlook(Scenario s, string name, DiffOptions options, CancellationToken ct)
    {
        var found = new Dictionary<string, FindingValue>(StringComparer.Ordinal);
        string? why = s.Process is not { Stages.Count: > 0 } ? "no process stages" : null;
        SimulationPlan? plan = null;
        if (why is null)
        {
            try
            {
                plan = SimulationPlan.Compile(s, SimulationSpec.Of(s, name));
            }
            catch (ArgumentException ex)
            {
                why = "cannot simulate: " + ex.Message;
            }
            catch (ScenarioException ex)
            {
                why = "cannot simulate: " + string.Join("; ", ex.Diagnostics.Select(d => d.Message));
            }
        }

        if (plan is null)
        {
            found["outlook.agreement"] = new("outlook", "P(agreement by the date)", why!);
            found["outlook.focus"] = new("outlook", "P(focus stage opened by the date)", why!);
            return found;
        }

        var by = options.By ?? plan.DefaultBy;
        var tally = StagedForecast.Run(plan, unchecked((ulong)options.Seed), options.Runs, Environment.ProcessorCount, cancel: ct);
        var report = StagedForecast.Report(plan, tally, by);
        var date = Words.Date(by);
        found["outlook.agreement"] = Probability("P(agreement by the date)", $"P({report.AgreementStage} succeeded by {date})", report.Agreement);
        found["outlook.focus"] = plan.FocusStage is { } focus && report.Stages.FirstOrDefault(st => st.Id == focus) is { } f
            ? Probability("P(focus stage opened by the date)", $"P({focus} opened by {date})", f.Opened)
            : new("outlook", "P(focus stage opened by the date)", "no focus stage");
        return found;
    }

    private static FindingValue Probability(string name, string what, Proportion p) =>
        new("outlook", name, $"{what} = {p.P:0.0%} [{p.Low:0.0%}, {p.High:0.0%}]", [p.P], Interval: new Interval(p.P, p.Low, p.High));

    private static Dictionary<string, FindingValue> Forecast(Scenario s, string name, DiffOptions options, CancellationToken ct)
    {
        var found = new Dictionary<string, FindingValue>(StringComparer.Ordinal);
        if (s.Forecast is null)
        {
            return found;
        }

        var loaded = ForecastSectionReader.Read(s.Forecast, name, s.Title);
        if (loaded.Input is not { } input)
        {
            found["forecast"] = new("forecast", "forecast", "the forecast lens failed: " + string.Join("; ", loaded.Diagnostics.Select(d => d.Message)));
            return found;
        }

        var outcome = ForecastOutcome.Of(SmpModel.Run(input, new SmpOptions { Seed = unchecked((ulong)options.Seed) }, ct));
        for (var d = 0; d < input.Dimensions.Count; d++)
        {
            found["forecast." + input.Dimensions[d]] = new("forecast", $"forecast outcome on {input.Dimensions[d]} (0–100)", Num(outcome.Outcome[d]), [outcome.Outcome[d]]);
        }

        return found;
    }

    private static string Num(double x) => x.ToString("0.0", CultureInfo.InvariantCulture);
}
