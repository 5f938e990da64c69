using System.Globalization;
using MYK10.Participation.Ballots;

namespace MYK10.Participation.Web.Cli;

/// <summary>
/// <c>votes import FILE.pb [--title TEXT]</c>: a closed vote with the file's options and anonymous ballots;
/// <c>votes tally ID [--rule greedy|equal-shares]</c>: prints the winners and totals.
/// </summary>
internal static class VotesCommand
{
    private const string Usage = "Usage: votes import FILE.pb [--title TEXT] | votes tally ID [--rule greedy|equal-shares]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        return context.Args.FirstOrDefault() switch
        {
            "import" when context.Args.Length >= 2 => await ImportAsync(context, context.Args[1]),
            "tally" when context.Args.Length >= 2 => await TallyAsync(context, context.Args[1]),
            _ => await context.FailAsync(Usage),
        };
    }

    private static async Task<int> ImportAsync(CommandContext context, string path)
    {
        if (context.Unexpected(Usage, 2, "--title") is { } unexpected)
        {
            return await context.FailAsync(unexpected);
        }

        if (!File.Exists(path))
        {
            return await context.FailAsync($"File {path} not found.");
        }

        PbFile file;
        try
        {
            file = Pabulib.Read(path);
        }
        catch (PbFormatException ex)
        {
            return await context.FailAsync($"{Path.GetFileName(path)}: {ex.Message}", 1);
        }

        var id = await context.Services.GetRequiredService<VoteService>().ImportAsync(file, context.Option("--title"));
        await context.Output.WriteLineAsync(
            $"Vote {id} imported from {Path.GetFileName(path)}: {file.Projects.Count} options, {file.Votes.Count} ballots ({file.VoteType}).");
        return 0;
    }

    private static async Task<int> TallyAsync(CommandContext context, string idText)
    {
        if (context.Unexpected(Usage, 2, "--rule") is { } unexpected)
        {
            return await context.FailAsync(unexpected);
        }

        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return await context.FailAsync($"'{idText}' is not a vote id. {Usage}");
        }

        AllocationRule? rule = null;
        if (context.Option("--rule") is { } ruleText)
        {
            if (!VoteTexts.TryParseRuleOption(ruleText, out var parsed))
            {
                return await context.FailAsync("--rule must be greedy or equal-shares.");
            }

            rule = parsed;
        }

        var service = context.Services.GetRequiredService<VoteService>();
        var vote = await context.Services.GetRequiredService<VoteStore>().FindAsync(id);
        if (vote is null)
        {
            return await context.FailAsync($"Vote {id} not found.", 1);
        }

        if (rule is not null && vote.Budget is null)
        {
            return await context.FailAsync($"Vote {id} has no budget; --rule applies to votes with a budget only.");
        }

        if (rule == AllocationRule.EqualShares && vote.Method is not (VoteMethod.Approval or VoteMethod.Budget))
        {
            return await context.FailAsync($"Vote {id} is a {vote.Method.ToText()} vote; equal-shares counts approval and budget votes only.");
        }

        var (_, result, _) = (await service.ComputeAsync(id, rule))!.Value;
        await WriteAsync(context.Output, vote, result);
        return 0;
    }

    private static async Task WriteAsync(TextWriter output, Vote vote, TallyResult result)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c, $"Vote {vote.Id}: {vote.Title}"));
        await output.WriteLineAsync(string.Create(c, $"Method: {vote.Method.ToText()}, ballots: {result.BallotCount}"));
        if (result.Rule is { } rule)
        {
            var name = rule == AllocationRule.Greedy
                ? "greedy by votes"
                : $"method of equal shares (cost utilities, Add1, greedy completion; {result.SelectedByEqualShares} by equal shares)";
            await output.WriteLineAsync(string.Create(c, $"Rule: {name}; budget {result.Budget} EUR, spent {result.Spent} EUR"));
        }

        var titles = vote.Options.ToDictionary(o => o.Id, o => o.Title);
        var scoreName = vote.Method switch
        {
            VoteMethod.Points => "points",
            VoteMethod.Ranking => "borda",
            VoteMethod.YesNoAbstain => "yes-no",
            _ => "votes",
        };
        await output.WriteLineAsync(string.Create(c, $"{"rank",4}  {scoreName,8}  {"cost",12}  {"chosen",6}  option"));
        foreach (var option in result.Options)
        {
            var chosen = option.SelectedOrder is { } order ? $"#{order}" : "";
            var cost = option.Cost is { } value ? value.ToString("N0", c) : "";
            await output.WriteLineAsync(string.Create(c, $"{option.Rank,4}  {option.Score,8}  {cost,12}  {chosen,6}  {titles[option.OptionId]}"));
        }

        if (result.CondorcetWinner is { } winner)
        {
            await output.WriteLineAsync($"Condorcet winner: {titles[winner]}");
        }

        var winners = result.Selected.Select(id => titles[id]).ToList();
        await output.WriteLineAsync(winners.Count == 0 ? "Winners: none" : $"Winners: {string.Join(" | ", winners)}");
    }
}
