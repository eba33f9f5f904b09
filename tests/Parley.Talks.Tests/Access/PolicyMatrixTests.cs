using Parley.Model;
using Parley.Talks.Access;
using Parley.Tests;

namespace Parley.Talks.Tests.Access;

/// <summary>docs/talks.md shows the matrix the policy code produces; each value of the policy does what the format says.</summary>
public sealed class PolicyMatrixTests
{
    private const string Begin = "<!-- policy-matrix:begin -->";
    private const string End = "<!-- policy-matrix:end -->";

    /// <summary>The generated section: the default policy's matrix, then what each value of <c>contents</c> changes.</summary>
    private static string Generated()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine().AppendLine("Default policy (`contents: participants`, `positions: private`, `statements: public`, `disclosure_to: mediator`):").AppendLine();
        text.Append(PolicyMatrix.Markdown(Confidentiality.Default));
        foreach (var value in Enum.GetValues<Visibility>().Where(v => v != Visibility.Participants))
        {
            var name = value.ToString().ToLowerInvariant();
            var policy = Confidentiality.Default with { Contents = value };
            var rows = PolicyMatrix.Markdown(policy).Split('\n');
            text.AppendLine().AppendLine($"With `contents: {name}` (stage contents and minutes; private statements never reach beyond the participants):").AppendLine();
            text.AppendLine(rows[0]).AppendLine(rows[1]).AppendLine(rows[2]).AppendLine(rows[3]);
        }

        return text.AppendLine().ToString();
    }

    [Fact]
    public void Docs_ShowTheGeneratedMatrix()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "docs", "talks.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start > Begin.Length && end > start, "docs/talks.md lacks the policy-matrix markers");
        var generated = Generated().ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("PARLEY_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, doc[..start] + generated + doc[end..]);
            return;
        }

        Assert.True(doc[start..end] == generated, "docs/talks.md is out of date with VisibilityPolicy: run PARLEY_UPDATE_DOCS=1 dotnet test --filter PolicyMatrixTests");
    }

    [Fact]
    public void DefaultPolicy_HidesABilateralStage_FromOutsidersAndTheMediatorBeforeEntry_AndShowsItToTheParticipants()
    {
        var contents = PolicyMatrix.Cells(Confidentiality.Default)[0];
        Assert.Equal(["yes", "yes", "—", "—", "—", "yes", "—", "—", "—"], contents);
        var minutes = PolicyMatrix.Cells(Confidentiality.Default)[1];
        Assert.Equal("fact only", minutes[2]);
        Assert.Equal("fact only", minutes[6]);
        Assert.Equal("—", minutes[8]);
        var position = PolicyMatrix.Cells(Confidentiality.Default)[5];
        Assert.Equal(["yes", "—", "—", "—", "—", "—", "—", "—", "—"], position);
        var disclosure = PolicyMatrix.Cells(Confidentiality.Default)[6];
        Assert.Equal(["yes", "—", "—", "yes", "yes", "yes", "—", "—", "—"], disclosure);
    }

    [Theory]
    [InlineData(Visibility.Private, new[] { "yes", "—", "—", "—", "—", "—", "—", "—", "—" })]
    [InlineData(Visibility.Mediator, new[] { "yes", "—", "—", "yes", "yes", "yes", "—", "—", "—" })]
    [InlineData(Visibility.Public, new[] { "yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes" })]
    public void EachContentsValue_DoesWhatTheFormatSays(Visibility value, string[] expected)
    {
        Assert.Equal(expected, PolicyMatrix.Cells(Confidentiality.Default with { Contents = value })[0]);
    }

    [Fact]
    public void Summary_NamesTheAudiences()
    {
        var lines = PolicyMatrix.Summary(Confidentiality.Default);
        Assert.Contains(lines, l => l.StartsWith("Stage contents", StringComparison.Ordinal) && l.Contains("the mediator at its entry stage and after", StringComparison.Ordinal) && !l.Contains("observers", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Public statement", StringComparison.Ordinal) && l.Contains("everyone", StringComparison.Ordinal));
    }
}
