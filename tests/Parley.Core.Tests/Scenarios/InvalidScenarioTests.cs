using System.Text;
using System.Text.RegularExpressions;
using Parley.Scenarios;

namespace Parley.Core.Tests.Scenarios;

/// <summary>
/// Every file under <c>Scenarios/Invalid/</c> is a malformed scenario whose header lists the errors it must
/// produce, one per line: <c># expect: LINE:COL message fragment</c>. The loader must report exactly
/// those errors (no more, no fewer), each at its line and column with the fragment in its message.
/// </summary>
public sealed partial class InvalidScenarioTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Scenarios", "Invalid");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Suite_HasAtLeastThirtyFiveCases() => Assert.True(Files().Count >= 35, $"only {Files().Count} malformed scenarios");

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_MalformedScenario_ReportsExactlyTheExpectedErrors(string name)
    {
        var path = Path.Combine(Folder, name);
        var expected = File.ReadLines(path)
            .Select(line => ExpectLine().Match(line))
            .Where(m => m.Success)
            .Select(m => (Line: int.Parse(m.Groups[1].Value), Column: int.Parse(m.Groups[2].Value), Fragment: m.Groups[3].Value.Trim()))
            .ToList();
        Assert.NotEmpty(expected);

        var result = ScenarioLoader.Load(File.ReadAllBytes(path), name);

        Assert.False(result.Success);
        var errors = result.Errors.ToList();
        var report = string.Join("\n", errors);
        Assert.True(expected.Count == errors.Count, $"expected {expected.Count} errors, got {errors.Count}:\n{report}");
        foreach (var (line, column, fragment) in expected)
        {
            Assert.True(
                errors.Any(e => e.Line == line && e.Column == column && e.Message.Contains(fragment, StringComparison.Ordinal)),
                $"no error at {line}:{column} containing \"{fragment}\"; got:\n{report}");
        }

        // Errors are sorted by position and each prints in the compiler form FILE:LINE:COL: error: MESSAGE.
        Assert.Equal(errors.OrderBy(e => e.Line).ThenBy(e => e.Column), errors);
        Assert.All(errors, e => Assert.StartsWith($"{name}:{e.Line}:{e.Column}: error: ", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ManyErrors_CapsAtFiftyAndSaysSo()
    {
        var text = new StringBuilder("parley: 1\nid: t\nparties:\n  - {id: A}\nprocess:\n  stages:\n");
        for (var i = 0; i < 80; i++)
        {
            text.Append("    - {id: S").Append(i).Append(", participants: [X").Append(i).Append("]}\n");
        }

        var result = ScenarioLoader.Load(text.ToString(), "many.yaml");

        Assert.False(result.Success);
        var errors = result.Errors.ToList();
        Assert.Equal(ScenarioLoader.MaxErrors + 1, errors.Count);
        Assert.All(errors.Take(ScenarioLoader.MaxErrors), e => Assert.Contains("unknown party 'X", e.Message, StringComparison.Ordinal));
        Assert.Contains("too many errors (80)", errors[^1].Message, StringComparison.Ordinal);
        Assert.Equal(7, errors[0].Line);
    }

    [GeneratedRegex(@"^#\s*expect:\s*(\d+):(\d+)\s+(.+)$")]
    private static partial Regex ExpectLine();
}
