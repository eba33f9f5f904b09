using CsCheck;
using Parley.Forecast;
using Parley.Scenarios;

namespace Parley.Tests.Forecast;

public sealed class KtabCsvReaderTests
{
    private const string Head = "Test,desc,3,2,\nActor,Description,Power,P1,S1,P2,S2,\n";

    private static Diagnostic FirstError(string csv)
    {
        var result = KtabCsvReader.Read(csv, "t.csv");
        Assert.Null(result.Input);
        Assert.NotEmpty(result.Diagnostics);
        return result.Diagnostics[0];
    }

    [Fact]
    public void Reads_the_KTAB_example_on_its_scale()
    {
        var input = ForecastData.Csv("dummyData_3Dim.csv");

        Assert.Equal("DummyData_3Dim", input.Name);
        Assert.Equal(["Pstn1", "Pstn2", "Pstn3"], input.Dimensions);
        Assert.Equal(7, input.Actors.Count);
        var a0 = input.Actors[0];
        Assert.Equal(("SActor-00", "Random Spatial Actor", 102.543), (a0.Name, a0.Description, a0.Capability));
        Assert.Equal([75.79, 6.37, 70.45], a0.Positions);
        Assert.Equal([49.53, 5.91, 28.15], a0.Saliences);
    }

    [Fact]
    public void Trailing_comma_is_optional()
    {
        // Same data; only the scenario name differs in KTAB's copy without final commas.
        var expected = ForecastData.Csv("dummyData_3Dim.csv");
        var actual = ForecastData.Csv("dummyData_3Dim-no-final-comma.csv");

        Assert.Equal(expected, actual with { Name = expected.Name });
    }

    [Fact]
    public void Quoted_fields_and_CRLF_are_accepted()
    {
        var csv = "\"Q, scenario\",\"a \"\"quoted\"\" note\",2,1\r\nActor,Description,Power,P,S\r\n\"A, Inc\",x,1,10,50\r\nB,y,2,90,50\r\n";
        var input = KtabCsvReader.Read(csv, "q.csv").OrThrow();

        Assert.Equal("Q, scenario", input.Name);
        Assert.Equal("a \"quoted\" note", input.Description);
        Assert.Equal("A, Inc", input.Actors[0].Name);
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_quotes_and_line_breaks()
    {
        var csv = "\"Multi\nline, scenario\",\"first line\r\nsecond, \"\"line\"\"\",2,1\nActor,Description,Power,P,S\n"
            + "\"A,\nInc\",\"one\ntwo\",1,10,50\nB,y,2,\"90\",50\n";
        var input = KtabCsvReader.Read(csv, "q.csv").OrThrow();

        Assert.Equal("Multi\nline, scenario", input.Name);
        Assert.Equal("first line\r\nsecond, \"line\"", input.Description);
        Assert.Equal(["A,\nInc", "B"], input.Actors.Select(a => a.Name));
        Assert.Equal("one\ntwo", input.Actors[0].Description);
        Assert.Equal([90.0], input.Actors[1].Positions);
    }

    [Fact]
    public void Errors_after_a_line_break_inside_quotes_name_the_fields_own_line_and_column()
    {
        // The actor row starts on line 3; its quoted description spans lines 3–4, so power is on line 4.
        var result = KtabCsvReader.Read("T,d,2,1\nActor,Description,Power,P,S\nA,\"one\ntwo\", lots ,10,50\nB,y,2,90,50\n", "q.csv");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((4, 7), (error.Line, error.Column));
        Assert.Contains("power (capability) must be a number, found 'lots'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A,\"x\"y,10,50,20,30,40,\nB,x,10,50,20,30,40,\nC,x,10,50,20,30,40,\n", 3, 6, "unexpected text after a quoted field; expected a comma")]
    [InlineData("A,x,10,50,20,30,40,\nB,x,10,50,20,30,40,\nC,x,10,50,20,30,\"40,\n", 5, 17, "unterminated quoted field")]
    public void Broken_quoting_is_located(string rows, int line, int column, string message)
    {
        var error = FirstError(Head + rows);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A,x,10,abc,20,30,40,\nB,x,10,50,20,30,40,\nC,x,10,50,20,30,40,\n", 3, 8, "position on dimension 1 must be a number, found 'abc'")]
    [InlineData("Åsa,\"ø, æ\",10,abc,20,30,40,\nB,x,10,50,20,30,40,\nC,x,10,50,20,30,40,\n", 3, 15, "position on dimension 1 must be a number, found 'abc'")]
    [InlineData("A,x,10,50,20,30,40,\nB,x,10,150,20,30,40,\nC,x,10,50,20,30,40,\n", 4, 8, "position on dimension 1 must be within [0, 100], found 150")]
    [InlineData("A,x,10,50,20,30,40,\nB,x,10,50,60,30,50,\nC,x,10,50,20,30,40,\n", 4, 11, "saliences of 'B' sum to 110; at most 100 in total")]
    [InlineData("A,x,10,50,20,30,40,\nB,x,-1,50,20,30,40,\nC,x,10,50,20,30,40,\n", 4, 5, "power must be positive and below 1e8, found -1")]
    [InlineData("A,x,10,50,20,30,40,\nA,x,10,50,20,30,40,\nC,x,10,50,20,30,40,\n", 4, 1, "actor 'A' already appears on line 3")]
    [InlineData("A,x,10,50,20,30,40,\nB,x,10,50,20,30,40,99\nC,x,10,50,20,30,40,\n", 4, 20, "unexpected value '99'")]
    [InlineData("A,x,10,50,20,30,40,\nB,x,10,50,20,30\nC,x,10,50,20,30,40,\n", 4, 16, "row has 6 column(s); expected 7")]
    [InlineData("A,x,10,50,20,30,40,\nB,x,10,NaN,20,30,40,\nC,x,10,50,20,30,40,\n", 4, 8, "must be a number, found 'NaN'")]
    [InlineData("A,x,10,50,20,30,40,\nB,\"x,10,50,20,30,40,\nC,x,10,50,20,30,40,\n", 4, 3, "unterminated quoted field")]
    [InlineData("A,x,10,50,20,30,40,\nB,x,10,50,0,30,0,\nC,x,10,50,20,30,40,\n", 4, 11, "'B' has zero salience on every dimension")]
    [InlineData("A,x,10,50,20,30,40,\nB,x,10,50,20,30,40,\n", 5, 1, "found 2 actor row(s); line 1 declares 3")]
    [InlineData("A,x,10,50,20,30,40,\nB,x,10,50,20,30,40,\nC,x,10,50,20,30,40,\nD,x,10,50,20,30,40,\n", 6, 1, "more actor rows than the 3 declared on line 1")]
    public void Hostile_rows_are_located_by_line_and_column(string rows, int line, int column, string message)
    {
        var error = FirstError(Head + rows);

        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"t.csv:{line}:{column}: error: ", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1, 1, "empty file")]
    [InlineData("Test,desc,three,2\n", 1, 11, "the number of actors must be a whole number, found 'three'")]
    [InlineData("Test,desc,3,0\n", 1, 13, "the number of dimensions must be between 1 and 100, found 0")]
    [InlineData("Test,desc,3\n", 1, 12, "missing the number of dimensions")]
    [InlineData("Test,desc,3,2\n", 2, 1, "missing the header row")]
    [InlineData("Test,desc,3,2\nActor,Description,Power,P1,S1\n", 2, 30, "header has 5 column(s); 2 dimension(s) need 7")]
    [InlineData("Test,desc,3,2\nA\0B\n", 2, 2, "NUL byte")]
    public void Hostile_headers_are_located(string csv, int line, int column, string message)
    {
        var result = KtabCsvReader.Read(csv, "t.csv");

        Assert.Null(result.Input);
        var error = result.Diagnostics[0];
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arbitrary_text_never_throws_and_errors_are_located_inside_the_text()
    {
        Gen.String[Gen.Char["0123456789.,-\"\n ABe"], 0, 300].Sample(text =>
        {
            var result = KtabCsvReader.Read(text, "fuzz.csv");
            var lines = text.Split('\n').Length + 1;
            Assert.True(result.Input is not null || result.Diagnostics.Count > 0);
            Assert.All(result.Diagnostics, d => Assert.InRange(d.Line, 1, lines));
        }, iter: 2000);
    }
}
