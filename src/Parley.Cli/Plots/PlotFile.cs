using ScottPlot;
using SkiaSharp;

namespace Parley.Cli.Plots;

/// <summary>Writes a ScottPlot multiplot as SVG when the file ends in .svg, else PNG (callers check the extension first).</summary>
internal static class PlotFile
{
    public static void Save(Multiplot multiplot, string path, int width, int height)
    {
        if (!path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            multiplot.SavePng(path, width, height);
            return;
        }

        // Multiplot has no SVG export of its own: render it on Skia's SVG canvas.
        using var stream = File.Create(path);
        using var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream);
        multiplot.Render(canvas, new PixelRect(0, width, height, 0));
    }
}
