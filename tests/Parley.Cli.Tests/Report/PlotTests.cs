using AngleSharp.Html.Parser;
using Parley.Report;
using ScottPlot;

namespace Parley.Cli.Tests.Report;

public sealed class PlotTests
{
    internal static FrontierPlot.Data FrontierFixture() => new(
        "RU", "UA",
        [.. Enumerable.Range(0, 40).SelectMany(i => Enumerable.Range(0, 40).Select(j => new Coordinates(i * 2.5, j * 2.5))).Where(p => p.X + p.Y <= 100)],
        [new(50, 45), new(60, 41), new(56, 44)],
        [new(0, 100), new(50, 50), new(100, 0)],
        [("Nash", new Coordinates(50, 50)), ("Kalai–Smorodinsky", new Coordinates(55, 45))],
        55, 40);

    internal static ProbabilityPlot.Curve[] CurveFixture()
    {
        var days = Enumerable.Range(0, 30).Select(d => new DateOnly(2025, 8, 20).AddDays(d)).ToArray();
        var p = days.Select((_, i) => i / 60.0).ToArray();
        return [new("P(agreement)", days, p, [.. p.Select(x => Math.Max(0, x - 0.05))], [.. p.Select(x => x + 0.05)])];
    }

    [Fact]
    public void Frontier_Render_IsInlineSvgWithViewBoxAndPrefixedIds()
    {
        var svg = FrontierPlot.Render("frontier", FrontierFixture());

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("viewBox=\"0 0 720 480\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", svg, StringComparison.Ordinal);
        Assert.DoesNotMatch("\\bid=\"(?!frontier-)", svg);
        Assert.DoesNotMatch("url\\(#(?!frontier-)", svg);
        Assert.DoesNotMatch(",\\s*\"", svg);
        Assert.Contains("Nash", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Plots_OnOnePage_NeverShareAnId()
    {
        var page = "<html><body>" + FrontierPlot.Render("a", FrontierFixture())
            + ProbabilityPlot.Render("b", CurveFixture(), [("D-two-weeks", new DateOnly(2025, 9, 1))]) + "</body></html>";
        using var document = new HtmlParser().ParseDocument(page);

        var ids = document.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(2, document.QuerySelectorAll("svg[viewBox]").Length);
    }

    [Fact]
    public void Frontier_ManyPackages_ThinsTheCloud()
    {
        var many = FrontierFixture() with { Packages = [.. Enumerable.Range(0, 20_000).Select(i => new Coordinates(i / 200.0, i % 200 / 2.0))] };

        var svg = FrontierPlot.Render("f", many);

        // Each cloud point is one ellipse; the cap keeps the page small whatever the space size.
        Assert.True(System.Text.RegularExpressions.Regex.Count(svg, "<ellipse") < FrontierPlot.MaxCloudPoints + 200);
    }
}
