using System.Text;
using CsCheck;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Core.Tests.Scenarios;

/// <summary>
/// Hostile or broken input (built in memory): each must give one located error, never throw, and stay
/// within the size, depth and node limits. A recursive parser would overflow the stack on the deep
/// cases and crash the test host, so passing also shows that nothing recurses on nesting depth.
/// </summary>
public sealed class HostileInputTests
{
    private const string Syntax = "[]{}:,-&*#'\"|>!%@`\n ";

    private static Diagnostic OneError(LoadResult result)
    {
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.True(error.Line >= 1 && error.Column >= 1, error.ToString());
        Assert.True(error.Message.Length < 300, "message too long: " + error.Message.Length);
        return error;
    }

    private static Diagnostic OneError(string text) => OneError(ScenarioLoader.Load(text, "h.yaml"));

    private static Diagnostic OneError(byte[] bytes) => OneError(ScenarioLoader.Load(bytes, "h.yaml"));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n")]
    [InlineData("# only\n# comments\n")]
    public void Load_EmptyOrComments_SaysEmpty(string text)
    {
        var error = OneError(text);

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("file is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DocumentEndMarkerOnly_SaysNoDocument() =>
        Assert.Contains("no YAML document", OneError("...\n").Message, StringComparison.Ordinal);

    [Fact]
    public void Load_ProseNotYaml_SaysExpectedMapping() =>
        Assert.Contains("expected a scenario mapping", OneError("Dear mediator, please find attached.").Message, StringComparison.Ordinal);

    [Fact]
    public void Load_BrokenYaml_IsLocated()
    {
        var error = OneError("parley: 1\nid: x\nparties: {id: A\n");

        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 3, error.ToString());
    }

    [Theory]
    [InlineData("parties: [{id: A}, {id: B}\n# c\nissues: []\n", 1, 10)] // YamlDotNet: InvalidOperationException
    [InlineData("!!]1\t,-a&~,:a--%}'>} @", 1, 5)]                           // YamlDotNet: ArgumentException (bad tag)
    public void Load_InputThatBreaksYamlDotNetWithoutYamlException_IsLocated(string text, int line, int column)
    {
        var error = OneError(text);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NulByte_ReportsBinaryDataAtItsPosition()
    {
        var bytes = Encoding.UTF8.GetBytes("parley: 1\nid: a\0b\n");

        var error = OneError(bytes);

        Assert.Equal((2, 6), (error.Line, error.Column));
        Assert.Contains("binary data (byte 0x00)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RandomBinary_ReportsBinaryData()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;

        Assert.Contains("binary data", OneError(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidUtf8_ReportsLine()
    {
        byte[] bytes = [.. "parley: 1\nid: x\ntitle: caf"u8, 0xC3, 0x28, .. "\n"u8];

        var error = OneError(bytes);

        Assert.Equal(3, error.Line);
        Assert.Contains("invalid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Utf16_SaysSaveAsUtf8()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("parley: 1\n")).ToArray();

        Assert.Contains("UTF-16", OneError(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FiftyMegabytes_RejectedBySizeBeforeParsing()
    {
        // Valid-looking YAML throughout, so only the size check can reject it (and it must do so at 1:1).
        var bytes = new byte[50 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'#');

        var error = OneError(bytes);

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("input is 50 MB; scenario files are limited to 8 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OversizedString_RejectedBeforeEncoding()
    {
        var error = OneError(new string('#', (int)YamlTreeReader.MaxBytes + 1));

        Assert.Contains("limited to 8 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TenThousandDeepSequences_StopsAtDepth64()
    {
        var error = OneError(new string('[', 10_000) + new string(']', 10_000));

        Assert.Equal((1, 65), (error.Line, error.Column));
        Assert.Contains("nesting deeper than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MillionDeepUnclosedSequences_NoRecursion()
    {
        Assert.Contains("nesting deeper than 64", OneError(new string('[', 1_000_000)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TenThousandDeepMappings_StopsAtDepth64()
    {
        var text = string.Concat(Enumerable.Repeat("{a: ", 10_000)) + "1" + new string('}', 10_000);

        var error = OneError(text);

        Assert.Equal((1, 1 + (64 * 4)), (error.Line, error.Column));
        Assert.Contains("nesting deeper than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeepBlockNesting_StopsAtDepth64()
    {
        var text = string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', i) + "a:\n"));

        var error = OneError(text);

        Assert.Equal(65, error.Line);
        Assert.Contains("nesting deeper than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeeplyNestedCondition_ReportsDepthNotStackOverflow()
    {
        var rule = new string('(', 10_000) + "T == T1" + new string(')', 10_000);
        var text = $"parley: 1\nid: x\nparties: [{{id: A}}]\nissues: [{{id: T, options: [T1, T2]}}]\n"
            + $"preferences:\n  A:\n    weights: {{T: 1}}\n    scores: {{T: [0, 100]}}\n    red_lines: [{{id: r, rule: \"{rule}\"}}]\n";

        var error = OneError(text);

        Assert.Equal(9, error.Line);
        Assert.Contains("nested deeper than 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BillionLaughs_RejectedAtFirstAnchor()
    {
        var text = new StringBuilder("parley: 1\nid: lol\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append($"lol{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        var error = OneError(text.ToString());

        Assert.Equal((3, 7), (error.Line, error.Column));
        Assert.Contains("anchors (&a0) are not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HugeFlowScalar_ReportsBadIdWithShortMessage()
    {
        var error = OneError("parley: 1\nid: [" + new string('x', 7_000_000) + "]\nparties: [{id: A}]\n");

        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Contains("expected a single value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HugePlainScalarId_IsCutInTheMessage()
    {
        var error = OneError("parley: 1\nid: " + new string('x', 7_000_000) + "\nparties: [{id: A}]\n");

        Assert.Contains("scenario id 'xxxxxxxx", error.Message, StringComparison.Ordinal);
        Assert.Contains("…", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManyDocuments_RejectsTheSecond()
    {
        var error = OneError(string.Concat(Enumerable.Repeat("a: 1\n---\n", 100_000)));

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("more than one YAML document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TooManyNodes_Rejected()
    {
        var error = OneError("[" + string.Concat(Enumerable.Repeat("1,", 1_000_000)) + "1]");

        Assert.Contains("more than 250,000 YAML nodes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManyTopLevelKeys_IsLinearAndCapped()
    {
        // 100,000 distinct keys: a quadratic duplicate-key check would not finish.
        var text = new StringBuilder("parley: 1\nid: x\nparties: [{id: A}]\n");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append('k').Append(i).Append(": 1\n");
        }

        var result = ScenarioLoader.Load(text.ToString(), "h.yaml");

        Assert.Equal(ScenarioLoader.MaxErrors + 1, result.Errors.Count());
        Assert.Contains("too many errors (100,000)", result.Errors.Last().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MutatedFlagship_NeverThrowsAndErrorsAreLocated()
    {
        // Random byte edits, deletions, insertions and cuts of a real scenario: the loader must return
        // diagnostics (located, within the file) or a scenario, and never throw.
        var original = File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml"));
        var lines = original.Count(b => b == (byte)'\n') + 2;
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, original.Length - 1], Gen.Byte);
        Gen.Select(edit.Array[1, 8], Gen.Int[1, original.Length]).Sample(
            t =>
            {
                var (edits, cut) = t;
                var bytes = original[..cut].ToList();
                foreach (var (kind, at, value) in edits)
                {
                    var i = Math.Min(at, bytes.Count - 1);
                    switch (kind)
                    {
                        case 0 when bytes.Count > 0: bytes[i] = value; break;
                        case 1 when bytes.Count > 0: bytes.RemoveAt(i); break;
                        case 2: bytes.Insert(Math.Max(0, i), value); break;
                        default: bytes.Insert(Math.Max(0, i), (byte)Syntax[value % Syntax.Length]); break;
                    }
                }

                var result = ScenarioLoader.Load(bytes.ToArray(), "m.yaml");
                return result.Success || (result.Errors.Any()
                    && result.Diagnostics.All(d => d.Line >= 1 && d.Line <= lines + 8 && d.Column >= 1 && d.Message.Length <= 650));
            },
            iter: 400);
    }
}
