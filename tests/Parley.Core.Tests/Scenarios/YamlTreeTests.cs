using Parley.Model;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Core.Tests.Scenarios;

public sealed class YamlTreeTests
{
    private static RawNode Parse(string text)
    {
        var diagnostics = new List<Diagnostic>();
        var node = YamlTree.Parse(text, "t.yaml", diagnostics);
        Assert.True(node is not null, string.Join("\n", diagnostics));
        return node;
    }

    [Fact]
    public void Parse_LocatesNodesKeysAndValueColumns()
    {
        var root = (RawMapping)Parse("a: 1\nb:\n  c: \"x y\"\n  d: [p, q]\n");

        Assert.Equal(["a", "b"], root.Keys.Select(k => k.Text));
        Assert.Equal((2, 1), (root.Keys[1].Span.Line, root.Keys[1].Span.Column));
        var c = (RawScalar)((RawMapping)root["b"]!)["c"]!;
        Assert.True(c.Quoted);
        Assert.Equal((3, 6), (c.Span.Line, c.Span.Column));
        Assert.Equal(7, c.ValueColumn);
        Assert.Equal("a mapping", root.Kind);
    }

    [Fact]
    public void Parse_RejectsAliasWithLocation()
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Null(YamlTree.Parse("a: &x 1\nb: *x\n", "t.yaml", diagnostics));
        Assert.Equal((1, 4), (diagnostics[0].Line, diagnostics[0].Column));
    }

    [Fact]
    public void Write_QuotesOnlyWhereNeeded_AndReadsBackEqual()
    {
        var tree = new RawMapping(new KeyValuePair<string, RawNode>[]
        {
            new("plain", new RawScalar("rounds")),
            new("number", new RawScalar("0.25")),
            new("string-number", new RawScalar("5") { Quoted = true }),
            new("string-no", new RawScalar("no") { Quoted = true }),
            new("colon", new RawScalar("a: b")),
            new("hash", new RawScalar("x #y")),
            new("lines", new RawScalar("one\ntwo")),
            new("empty", new RawScalar("")),
            new("leaf", new RawMapping(new KeyValuePair<string, RawNode>[] { new("min", new RawScalar("1")), new("max", new RawScalar("[2]")) }.ToValueList())),
            new("list", new RawSequence(new RawNode[] { new RawScalar("a,b"), new RawScalar("c") }.ToValueList())),
            new("deep", new RawSequence(new RawNode[] { new RawMapping(new KeyValuePair<string, RawNode>[] { new("k", new RawSequence(new RawNode[] { new RawScalar("v") }.ToValueList())) }.ToValueList()) }.ToValueList())),
        }.ToValueList());

        var text = YamlTree.Write(tree);
        var back = (RawMapping)Parse(text);

        Assert.Equal(tree, back);
        Assert.Contains("plain: rounds\n", text, StringComparison.Ordinal);
        Assert.Contains("number: 0.25\n", text, StringComparison.Ordinal);
        Assert.Contains("string-number: \"5\"\n", text, StringComparison.Ordinal);
        Assert.Contains("leaf: {min: 1, max: \"[2]\"}", text, StringComparison.Ordinal);
        Assert.True(((RawScalar)back["string-no"]!).Quoted);
        Assert.False(((RawScalar)back["number"]!).Quoted);
    }

    [Fact]
    public void WriteThenParse_FlagshipSimulationSection_IsEqual()
    {
        var scenario = ScenarioLoader.Load(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship.yaml").Scenario!;
        var section = scenario.Simulation!;

        Assert.Equal(section, Parse(YamlTree.Write(section)));
    }

    [Fact]
    public void Equality_IgnoresLocationAndQuoting()
    {
        Assert.Equal(new RawScalar("x") { Quoted = true, Span = new(3, 4) }, new RawScalar("x"));
        Assert.NotEqual(new RawScalar("x"), new RawScalar("y"));
    }
}
