using System.Text;
using MYK10.Participation.Ballots;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Open data of prioritisation votes: the result as JSON (<c>/api/v1/votes/{id}/result</c>) and the anonymous
/// ballots as CSV and Pabulib <c>.pb</c>, each only once the vote's results are public.
/// </summary>
internal static class VoteEndpoints
{
    public static IEndpointRouteBuilder MapVoteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapRead("/api/v1/votes/{id:long}/result", ResultAsync);
        app.MapRead("/abstimmungen/{id:long}/stimmzettel.csv", CsvAsync);
        app.MapRead("/abstimmungen/{id:long}/stimmzettel.pb", PabulibAsync);
        return app;
    }

    // The tally sweep runs every minute (RecurringJobs.VoteTallies); a client that waits two has the count.
    private const string CountingRetryAfterSeconds = "120";

    private static async Task<IResult> ResultAsync(long id, VoteStore votes, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var vote = await votes.FindAsync(id, cancellationToken);
        if (vote is null || !vote.ResultsVisible(clock.GetUtcNow()))
        {
            // As every open-data 404: a vote that does not exist and one whose result is not public look alike.
            return Results.NotFound(new { error = "not_found" });
        }

        var tally = await votes.TallyAsync(id, cancellationToken);
        if (tally is null)
        {
            // In the open data's error format, as its 404: a code for machines, not a sentence.
            response.Headers.RetryAfter = CountingRetryAfterSeconds;
            return Results.Json(new { error = "counting" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var result = tally.Result;
        var titles = vote.Options.ToDictionary(o => o.Id);
        return Results.Json(new
        {
            id = vote.Id,
            title = vote.Title,
            method = vote.Method.ToText(),
            status = vote.IsClosed(clock.GetUtcNow()) ? "closed" : "open",
            opensAt = vote.OpensAt,
            closesAt = vote.ClosesAt,
            computedAt = tally.ComputedAt,
            ballots = result.BallotCount,
            budget = result.Budget,
            spent = result.Spent,
            rule = result.Rule?.ToText(),
            ruleVariant = result.Rule switch
            {
                AllocationRule.EqualShares => "Method of Equal Shares: cost utilities, Add1 completion (per-voter budget raised by 1 while the outcome fits), then greedy completion",
                AllocationRule.Greedy => "greedy by votes; an option that does not fit is skipped",
                _ => null,
            },
            scoring = vote.Method switch
            {
                VoteMethod.Ranking => $"Borda: place r of at most {vote.MaxChoices} earns {vote.MaxChoices} - r + 1 points",
                VoteMethod.Points => "sum of points",
                VoteMethod.YesNoAbstain => "yes minus no; accepted when yes > no",
                _ => "number of approvals",
            },
            tieBreak = "more votes, then lower cost, then lower option id",
            condorcetWinner = result.CondorcetWinner,
            selected = result.Selected,
            options = result.Options.Select(o => new
            {
                id = o.OptionId,
                title = titles.TryGetValue(o.OptionId, out var option) ? option.Title : null,
                cost = o.Cost,
                score = o.Score,
                supporters = o.Supporters,
                yes = vote.Method == VoteMethod.YesNoAbstain ? o.Yes : (long?)null,
                no = vote.Method == VoteMethod.YesNoAbstain ? o.No : (long?)null,
                abstain = vote.Method == VoteMethod.YesNoAbstain ? o.Abstain : (long?)null,
                rank = o.Rank,
                selected = o.Selected,
                selectedOrder = o.SelectedOrder,
            }),
            participation = tally.ParticipationByMunicipality,
        });
    }

    private static async Task<IResult> CsvAsync(long id, VoteStore votes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (vote, ballots) = await PublicBallotsAsync(id, votes, clock, cancellationToken);
        if (vote is null)
        {
            return Results.NotFound();
        }

        // The byte order mark lets spreadsheet programs read the umlauts as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(VoteService.ToCsv(vote, ballots))).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"abstimmung-{id}-stimmzettel.csv");
    }

    private static async Task<IResult> PabulibAsync(long id, VoteStore votes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (vote, ballots) = await PublicBallotsAsync(id, votes, clock, cancellationToken);
        var file = vote is null ? null : VoteService.ToPabulib(vote, ballots);
        if (file is null)
        {
            return Results.NotFound();
        }

        return Results.File(Encoding.UTF8.GetBytes(Pabulib.Write(file)), "text/plain; charset=utf-8", $"abstimmung-{id}.pb");
    }

    private static async Task<(Vote? Vote, IReadOnlyList<AnonymousBallot> Ballots)> PublicBallotsAsync(long id, VoteStore votes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var vote = await votes.FindAsync(id, cancellationToken);
        if (vote is null || !vote.ResultsVisible(clock.GetUtcNow()))
        {
            return (null, []);
        }

        return (vote, await votes.BallotsAsync(id, cancellationToken));
    }
}
