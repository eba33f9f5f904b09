using System.Text.Json.Nodes;
using Parley.Model;
using Parley.Scenarios;
using Parley.Studio.Document;

namespace Parley.Studio.Tests;

/// <summary>The browser's tree and YAML: texts stay texts, nulls stay nulls, and diagnostics land on the node they are about.</summary>
public sealed class TreeJsonTests
{
    [Theory]
    [InlineData("null", "title: \"null\"")]
    [InlineData("~", "title: \"~\"")]
    [InlineData("35", "title: 35")]
    [InlineData("yes", "title: yes")]
    public void AText_IsWrittenSoItReadsBackAsTheSameText_NullLikeOnesQuoted(string text, string line)
    {
        var yaml = YamlTree.Write(TreeJson.FromJson(new JsonObject { ["title"] = text }));

        Assert.Equal(line, yaml.Trim());
        var back = (RawMapping)YamlTree.Parse(yaml, "t.yaml", new List<Diagnostic>())!;
        Assert.Equal(text, TreeJson.ToJson(back)!["title"]!.GetValue<string>());
    }

    [Fact]
    public void ANull_IsAnEmptyValue_BothWays()
    {
        var yaml = YamlTree.Write(TreeJson.FromJson(new JsonObject { ["description"] = null, ["id"] = "x" }));
        var back = TreeJson.ToJson(YamlTree.Parse(yaml, "t.yaml", new List<Diagnostic>())!)!.AsObject();

        Assert.True(back.ContainsKey("description"));
        Assert.Null(back["description"]);
    }

    [Fact]
    public void JsonNumbersAndBooleans_AreTheirText()
    {
        var raw = (RawMapping)TreeJson.FromJson(new JsonObject { ["n"] = 2.5, ["b"] = true });

        Assert.Equal("2.5", ((RawScalar)raw["n"]!).Text);
        Assert.Equal("true", ((RawScalar)raw["b"]!).Text);
    }

    [Fact]
    public void APointer_IsTheNodeAtTheLocation_OrTheLastBeforeIt_AndAKeysOwnErrorGoesToItsEntry()
    {
        const string yaml = "parties:\n  - id: RU\n    nmae: Russia\nissues:\n  - id: T\n    options: [T1, T2]\n";
        var pointers = new TreePointers(YamlTree.Parse(yaml, "t.yaml", new List<Diagnostic>())!);

        Assert.Equal("/parties/0/nmae", pointers.At(3, 5, "unknown key 'nmae' in party"));
        Assert.Equal("/parties/0", pointers.At(2, 5, "party is missing 'name'"));
        Assert.Equal("/parties/0/id", pointers.At(2, 5, "'id' of party is odd"));
        Assert.Equal("/issues/0/options/1", pointers.At(6, 19, "unknown option"));
        Assert.Equal("/issues/0/options/1", pointers.At(6, 20, "inside the scalar"));
        Assert.Equal("", pointers.At(1, 1, "file-level"));
    }
}
