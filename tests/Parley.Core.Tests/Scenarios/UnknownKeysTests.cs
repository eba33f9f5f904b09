using Parley.Negotiation.Tournaments;
using Parley.Scenarios;
using Parley.Tests.Negotiation;

namespace Parley.Core.Tests.Scenarios;

/// <summary>
/// Every YAML section reports an unknown key the same way: at the key's own line:col (not its value's), with
/// "did you mean" for a near miss and no suggestion for a far-off key.
/// </summary>
public sealed class UnknownKeysTests
{
    private const string Parties = "parley: 1\nid: t\nparties:\n  - {id: A, name: A}\n  - {id: B, name: B}\n";

    private const string Actors = "  actors:\n    - {id: A, capability: 1, position: {x: 10}, salience: {x: 50}}\n    - {id: B, capability: 1, position: {x: 90}, salience: {x: 50}}\n";

    [Theory]
    [InlineData("titel: T\n", 6, 1, "unknown key 'titel' in scenario (did you mean 'title'?); expected one of parley, id, title,")]
    [InlineData("issues:\n  - {id: X, nmae: X, options: [x1, x2]}\n", 7, 13, "unknown key 'nmae' in issue (did you mean 'name'?)")]
    [InlineData("colour: red\n", 6, 1, "unknown key 'colour' in scenario; expected one of")]
    public void Scenario_UnknownKey_IsReportedAtTheKey(string tail, int line, int column, string message) =>
        AssertSingle(ScenarioLoader.Load(Parties + tail, "s.yaml").Errors, line, column, message);

    [Theory]
    [InlineData("simulation:\n  horizn_days: 30", 2, 3, "unknown key 'horizn_days' in simulation (did you mean 'horizon_days'?); expected one of illustrative,")]
    [InlineData("simulation:\n  defaults: {roundz: 7}", 2, 14, "unknown key 'roundz' in simulation.defaults (did you mean 'rounds'?)")]
    [InlineData("simulation:\n  stages:\n    S2: {sucess: 0.5}", 3, 10, "unknown key 'sucess' in simulation.stages.S2 (did you mean 'success'?)")]
    [InlineData("simulation:\n  retry:\n    pressure: {partys: [A]}", 3, 16, "unknown key 'partys' in simulation.retry.pressure (did you mean 'parties'?)")]
    [InlineData("simulation:\n  strategies:\n    A: {type: time, ee: 0.5}", 3, 21, "unknown key 'ee' in simulation.strategies.A (did you mean 'e'?)")]
    [InlineData("simulation:\n  defaults:\n    speed: 3", 3, 5, "unknown key 'speed' in simulation.defaults; expected one of protocol,")]
    public void Simulation_UnknownKey_IsReportedAtTheKey(string simulation, int line, int column, string message)
    {
        var text = SimulationTestScenarios.Head + "\n" + simulation + "\n" + SimulationTestScenarios.Process + "\n";
        var headLines = SimulationTestScenarios.Head.Split('\n').Length;

        AssertSingle(ScenarioLoader.Load(text, "s.yaml").Errors, headLines + line, column, message);
    }

    [Theory]
    [InlineData("  illustrativ: true\n  dimensions: [{id: x}]\n" + Actors, 7, 3, "unknown key 'illustrativ' in forecast (did you mean 'illustrative'?)")]
    [InlineData("  dimensions: [{id: x, nmae: X}]\n" + Actors, 7, 24, "unknown key 'nmae' in forecast.dimensions (did you mean 'name'?)")]
    [InlineData("  dimensions: [{id: x}]\n  actors:\n    - {id: A, capabilty: 1, position: {x: 10}, salience: {x: 50}}\n    - {id: B, capability: 1, position: {x: 90}, salience: {x: 50}}\n",
        9, 15, "unknown key 'capabilty' in forecast.actors (did you mean 'capability'?)")]
    [InlineData("  dimensions: [{id: x}]\n  colour: red\n" + Actors, 8, 3, "unknown key 'colour' in forecast; expected one of illustrative, note, dimensions, actors")]
    public void Forecast_UnknownKey_IsReportedAtTheKey(string section, int line, int column, string message)
    {
        var errors = ScenarioLoader.Load(Parties + "forecast:\n" + section, "s.yaml").Errors;

        // The missing capability of the misspelt actor is a second, unrelated error.
        AssertSingle(errors.Where(e => e.Message.StartsWith("unknown key", StringComparison.Ordinal)), line, column, message);
    }

    [Theory]
    [InlineData("strategies: [linear]\nrepititions: 2\ndomains: [{scenario: x.yaml}]\n", 2, 1, "unknown key 'repititions' in tournament (did you mean 'repetitions'?)")]
    [InlineData("strategies: [linear]\ndomains: [{scenario: x.yaml, partys: [A, B]}]\n", 2, 30, "unknown key 'partys' in tournament.domains (did you mean 'parties'?)")]
    [InlineData("strategies: [linear]\nlimits: {secnds: 5}\ndomains: [{scenario: x.yaml}]\n", 2, 10, "unknown key 'secnds' in tournament.limits (did you mean 'seconds'?)")]
    [InlineData("strategies: [{type: time, rat: 2}]\ndomains: [{scenario: x.yaml}]\n", 1, 27, "unknown key 'rat' in tournament.strategies (did you mean 'rate'?)")]
    [InlineData("strategies: [linear]\ndomains: [{scenario: x.yaml, colour: red}]\n", 2, 30, "unknown key 'colour' in tournament.domains; expected one of scenario, genius, negmas, parties, red_lines, name")]
    public void Tournament_UnknownKey_IsReportedAtTheKey(string yaml, int line, int column, string message)
    {
        var (spec, diagnostics) = TournamentSpecReader.Read(System.Text.Encoding.UTF8.GetBytes(yaml), "t.yaml");

        Assert.Null(spec);
        AssertSingle(diagnostics, line, column, message);
    }

    [Theory]
    [InlineData("titel", "title")]
    [InlineData("Title", "title")]
    [InlineData("tilte", "title")]
    [InlineData("partes", "parties")]
    [InlineData("prefrences", "preferences")]
    public void Suggestion_NearMiss_NamesTheKey(string key, string expected) =>
        Assert.Equal($" (did you mean '{expected}'?)", UnknownKeys.Suggestion(key, ["title", "parties", "preferences", "id"]));

    [Theory]
    [InlineData("colour")]
    [InlineData("zq")]
    [InlineData("x")]
    public void Suggestion_FarOffKey_IsEmpty(string key) =>
        Assert.Equal("", UnknownKeys.Suggestion(key, ["title", "parties", "preferences", "id"]));

    private static void AssertSingle(IEnumerable<Diagnostic> errors, int line, int column, string message)
    {
        var error = Assert.Single(errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        if (!message.Contains("did you mean", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
        }
    }
}
