using Parley.Forecast;

namespace Parley.Tests.Forecast;

/// <summary>Test data copied from KTAB (MIT; see Data/LICENSE.KTAB-MIT.txt and Data/NOTE.md) and our own runs of it.</summary>
internal static class ForecastData
{
    public static string Directory => Path.Combine(TestPaths.RepoRoot, "tests", "Parley.Core.Tests", "Forecast", "Data");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static ForecastInput Csv(string name) => KtabCsvReader.Read(File.ReadAllText(PathOf(name)), name).OrThrow();

    public static KtabSummary Summary(string name) => KtabSummary.Parse(File.ReadAllText(PathOf(name)));
}
