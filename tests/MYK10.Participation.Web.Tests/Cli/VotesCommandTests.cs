using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Cli;

namespace MYK10.Participation.Web.Tests.Cli;

public sealed class VotesCommandTests : IDisposable
{
    private const string MajorityMinority = """
        META
        key;value
        description;Kreisbudget Klima
        num_projects;3
        num_votes;10
        budget;100
        vote_type;approval
        rule;greedy
        PROJECTS
        project_id;cost;votes;name
        1;50;6;Solardächer auf Schulen
        2;50;6;LED-Straßenbeleuchtung
        3;50;4;Streuobstwiesen
        VOTES
        voter_id;vote
        1;1,2
        2;1,2
        3;1,2
        4;1,2
        5;1,2
        6;1,2
        7;3
        8;3
        9;3
        10;3
        """;

    private readonly TempDirectory _directory = new();

    private Dictionary<string, string?> Settings => new()
    {
        ["ConnectionStrings:Participation"] = $"Data Source={_directory.File("participation.db")}",
        ["Mail:PickupDirectory"] = _directory.File("mail"),
    };

    private string WriteFile(string text, string name = "klima.pb")
    {
        var path = _directory.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task ImportThenTally_PrintsWinnersUnderEachRule()
    {
        var (exit, output, _) = await RunAsync("votes", "import", WriteFile(MajorityMinority));
        Assert.Equal(0, exit);
        Assert.Equal("Vote 1 imported from klima.pb: 3 options, 10 ballots (approval).", output.Trim());

        var greedy = await RunAsync("votes", "tally", "1");
        Assert.Equal(0, greedy.Exit);
        Assert.Contains("Winners: Solardächer auf Schulen | LED-Straßenbeleuchtung", greedy.Output, StringComparison.Ordinal);
        Assert.Contains("Rule: greedy by votes; budget 100 EUR, spent 100 EUR", greedy.Output, StringComparison.Ordinal);

        var mes = await RunAsync("votes", "tally", "1", "--rule", "equal-shares");
        Assert.Equal(0, mes.Exit);
        Assert.Contains("Winners: Solardächer auf Schulen | Streuobstwiesen", mes.Output, StringComparison.Ordinal);
        Assert.Contains("method of equal shares", mes.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tally_UnknownId_ExitsNonZeroWithOneLine()
    {
        var (exit, _, error) = await RunAsync("votes", "tally", "42");

        Assert.Equal(1, exit);
        Assert.Equal("Vote 42 not found.", error.Trim());
    }

    [Fact]
    public async Task Import_MalformedFile_ExitsNonZeroNamingTheLine_AndCreatesNoVote()
    {
        var path = WriteFile(MajorityMinority.Replace("3;50;4;Streuobstwiesen", "3;fünfzig;4;Streuobstwiesen", StringComparison.Ordinal), "kaputt.pb");

        var (exit, _, error) = await RunAsync("votes", "import", path);

        Assert.Equal(1, exit);
        Assert.Equal("kaputt.pb: line 13: cost 'fünfzig' of project 3 is not a whole non-negative number", error.Trim());
        Assert.Equal(1, (await RunAsync("votes", "tally", "1")).Exit);
    }

    [Theory]
    [InlineData("votes")]
    [InlineData("votes", "tally")]
    [InlineData("votes", "tally", "eins")]
    [InlineData("votes", "import", "/gibt/es/nicht.pb")]
    [InlineData("votes", "tally", "1", "--rule", "los")]
    public async Task BadInput_ExitsNonZeroWithOneLine(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.NotEqual(0, exit);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("'extra'", "import", "extra")]
    [InlineData("'--rule'", "import", "--rule", "greedy")]
    [InlineData("'extra'", "tally", "extra")]
    [InlineData("'--title'", "tally", "--title", "Klima")]
    public async Task StrayArgument_IsRefusedWithTheUsageLine(string named, string form, params string[] stray)
    {
        var file = WriteFile(MajorityMinority);
        if (form == "tally")
        {
            Assert.Equal(0, (await RunAsync("votes", "import", file)).Exit);
        }

        var (exit, output, error) = await RunAsync(["votes", form, form == "tally" ? "1" : file, .. stray]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"Unexpected argument {named}. Usage: votes import FILE.pb [--title TEXT] | votes tally ID [--rule greedy|equal-shares]", error.Trim());
        // A refused import creates no vote.
        Assert.Equal(form == "tally" ? 0 : 1, (await RunAsync("votes", "tally", "1")).Exit);
    }

    [Fact]
    public async Task Tally_RuleGivenTwice_IsRefused()
    {
        Assert.Equal(0, (await RunAsync("votes", "import", WriteFile(MajorityMinority))).Exit);

        var (exit, _, error) = await RunAsync("votes", "tally", "1", "--rule", "greedy", "--rule", "equal-shares");

        Assert.Equal(2, exit);
        Assert.StartsWith("--rule is given twice. Usage: votes import", error.Trim(), StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, new StringReader(""), output, error, Settings);
        return (exit, output.ToString(), error.ToString());
    }
}
