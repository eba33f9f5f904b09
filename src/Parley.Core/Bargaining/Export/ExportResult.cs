using System.Text;
using Parley.Model;

namespace Parley.Bargaining.Export;

/// <summary>
/// What an exporter built: the files, what the target format cannot express (dropped, listed so that nothing is
/// lost silently) and notes on how the model was mapped (scales, file names). The core builds it; the CLI writes
/// the files and <see cref="Readme"/> as <c>README.txt</c>.
/// </summary>
/// <param name="Format">Target format: <c>gmcr</c>, <c>genius</c>, <c>geniusweb</c> or <c>negmas</c>.</param>
/// <param name="Files">The files, in the order they should be listed.</param>
/// <param name="Lost">Constructs of the scenario the format cannot express, one sentence each.</param>
/// <param name="Notes">How the scenario was mapped onto the format (not losses).</param>
internal sealed record ExportResult(string Format, ValueList<ExportedFile> Files, ValueList<string> Lost, ValueList<string> Notes)
{
    /// <summary>Name of the file listing files, losses and notes that the CLI writes next to the export.</summary>
    public const string ReadmeName = "README.txt";

    /// <summary>The text of <see cref="ReadmeName"/>: source, files, what was lost, notes.</summary>
    /// <param name="source">The exported scenario file, as named on the command line.</param>
    public string Readme(string source)
    {
        var sb = new StringBuilder();
        sb.Append("Exported by parley export from ").Append(source).Append(" to ").Append(Format).Append(".\n\n");
        sb.Append("Files:\n");
        foreach (var f in Files)
        {
            sb.Append("  ").Append(f.Name).Append('\n');
        }

        sb.Append("\nNot expressible in ").Append(Format).Append(" (dropped):\n");
        if (Lost.Count == 0)
        {
            sb.Append("  nothing\n");
        }

        foreach (var line in Lost)
        {
            sb.Append("  - ").Append(line).Append('\n');
        }

        if (Notes.Count > 0)
        {
            sb.Append("\nNotes:\n");
            foreach (var line in Notes)
            {
                sb.Append("  - ").Append(line).Append('\n');
            }
        }

        return sb.ToString();
    }
}
