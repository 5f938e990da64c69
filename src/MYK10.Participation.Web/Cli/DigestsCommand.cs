using System.Globalization;
using MYK10.Participation.Digests;

namespace MYK10.Participation.Web.Cli;

/// <summary>
/// <c>digests run [--council ID]</c>: a digest round now for every active council (or one), with the rules of the
/// scheduled round: a period already covered sends nothing. The mail is queued in the outbox and sent here too.
/// </summary>
internal static class DigestsCommand
{
    private const string Usage = "Usage: digests run [--council ID]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Args.Length == 0 || context.Args[0] != "run")
        {
            return await context.FailAsync(Usage);
        }

        if (context.Unexpected(Usage, 1, "--council") is { } unexpected)
        {
            return await context.FailAsync(unexpected);
        }

        long? councilId = null;
        if (context.Args.Contains("--council"))
        {
            if (!long.TryParse(context.Option("--council"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return await context.FailAsync("--council needs the numeric id of a council. " + Usage);
            }

            councilId = id;
        }

        // Commands run without the background server, so no job is enqueued: the command sends the outbox itself below.
        var round = ActivatorUtilities.CreateInstance<DigestRound>(context.Services, new SendAtTheEnd());
        var results = await round.RunNowAsync(councilId);
        if (councilId is not null && results is [{ Outcome: DigestRoundOutcome.CouncilNotFound }])
        {
            return await context.FailAsync($"Council {councilId} does not exist.", 1);
        }

        foreach (var result in results)
        {
            var line = result.Outcome switch
            {
                DigestRoundOutcome.Sent => $"digest {result.DigestId} queued for {result.Deliveries} recipients",
                DigestRoundOutcome.StoredEmpty => $"digest {result.DigestId} stored without sending (no new contributions, council opted out)",
                DigestRoundOutcome.AlreadyDone => "nothing new: this period is covered already",
                DigestRoundOutcome.CouncilInactive => "council is paused",
                _ => "council not found",
            };
            await context.Output.WriteLineAsync($"Council {result.CouncilId} {result.CouncilName}: {line}.");
        }

        // Send what was queued now, through the same outbox (a server running at the same time may take some of it).
        await context.Services.GetRequiredService<MYK10.Participation.Mail.OutboxJob>().RunAsync(CancellationToken.None);
        return 0;
    }

    private sealed class SendAtTheEnd : MYK10.Participation.Mail.IOutboxSignal
    {
        public void MailQueued()
        {
        }
    }
}
