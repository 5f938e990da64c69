using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Cli;

namespace MYK10.Participation.Web.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_ListsTheCommands_InsteadOfStartingTheSite(string word)
    {
        Assert.True(CommandLine.IsCommand([word]));

        var (exit, output, error) = await RunAsync(word);

        Assert.Equal((0, ""), (exit, error));
        foreach (var command in new[] { "migrate", "staff add", "staff reset-two-factor", "backup", "restore FILE", "seed-demo", "digests run", "votes import", "votes tally" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("migrate", "jetzt")]
    [InlineData("seed-demo", "gross")]
    public async Task CommandsWithoutArguments_RefuseStrayOnes_WithOneLine(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal((2, ""), (exit, output));
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith($"Usage: {args[0]}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("votes", "tally", "1", "--rule")]
    [InlineData("votes", "import", "abstimmung.pb", "--title")]
    [InlineData("staff", "role", "--email", "--role", "admin")]
    public async Task AnOptionWithoutItsValue_IsRefused_NotIgnored(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal((2, ""), (exit, output));
        Assert.EndsWith("needs a value. See --help.", error.Trim(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Participation"] = $"Data Source={_directory.File("participation.db")}" };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, TextReader.Null, output, error, settings);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => _directory.Dispose();
}
