using Parley.Cli.Infrastructure;

namespace Parley.Cli.Tests.Commands;

public sealed class CsvTextTests
{
    [Fact]
    public void Write_QuotesCommasQuotesAndLineBreaks_AndKeepsPlainFieldsBare()
    {
        var text = CsvText.Write(["strategy", "mean"], [["time:e=0.5, late", "1.5"], ["say \"no\"\nthen yes", CsvText.Number(-0.25)], ["plain", CsvText.Number(null)]]);

        Assert.Equal("strategy,mean\n\"time:e=0.5, late\",1.5\n\"say \"\"no\"\"\nthen yes\",-0.25\nplain,\n", text);
    }

    [Fact]
    public void TournamentSummary_WithAStrategyNameThatHasALineBreak_StaysOneRecord()
    {
        var csv = Parley.Cli.Commands.TournamentCommand.Csv([new Negotiation.Tournaments.StrategyScore("odd\nname", 2, 0.5, 40, 80, null, 1.25, 7)]);
        Assert.StartsWith("strategy,sessions,agreement_rate,", csv, StringComparison.Ordinal);
        Assert.EndsWith("\n\"odd\nname\",2,0.5,40,80,,1.25,7\n", csv, StringComparison.Ordinal);
    }
}
