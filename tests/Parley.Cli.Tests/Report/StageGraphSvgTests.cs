using Parley.Report;
using Parley.Model;

namespace Parley.Cli.Tests.Report;

public sealed class StageGraphSvgTests
{
    [Fact]
    public void Layers_Diamond_PutsEachStageBelowItsDeepestPredecessor()
    {
        var process = Process(("A", []), ("B", ["A"]), ("C", ["A"]), ("D", ["B", "C"]), ("E", ["A", "D"]));

        var layers = StageGraphSvg.Layers(process);

        Assert.Equal(0, layers["A"]);
        Assert.Equal(1, layers["B"]);
        Assert.Equal(1, layers["C"]);
        Assert.Equal(2, layers["D"]);
        Assert.Equal(3, layers["E"]);
    }

    [Fact]
    public void Render_TwoStagesInOneLayer_DrawsThemSideBySide()
    {
        var svg = StageGraphSvg.Render(Process(("A", []), ("B", ["A"]), ("C", ["A"])));

        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(svg, "data-edge="));
        Assert.Contains("data-edge=\"A-&gt;B\"", svg, StringComparison.Ordinal);
        Assert.Contains("data-edge=\"A-&gt;C\"", svg, StringComparison.Ordinal);
    }

    private static ProcessSpec Process(params (string Id, string[] After)[] stages) => new(
        null, null,
        stages.Select(s => new Stage(s.Id, "stage " + s.Id, new ValueList<string>(["P"]), s.After.ToValueList(), ValueList<string>.Empty)).ToValueList(),
        ValueList<Venue>.Empty, ValueList<Deadline>.Empty, Confidentiality.Default);
}
