using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Digests;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>Councils with a stored digest, for the digest pages.</summary>
public static class DigestSiteData
{
    /// <summary>A council created a week ago with two recipients and one digest (round run now). Returns (councilId, digestId).</summary>
    public static async Task<(long CouncilId, long DigestId)> CouncilWithDigestAsync(this SiteFactory site, string? name = null)
    {
        name ??= $"Stadtrat Andernach {Guid.NewGuid():N}"[..30];
        var (result, id) = await site.Get<CouncilStore>().CreateAsync(new CouncilInput(name, "andernach", Council.DefaultCron, true, false));
        Assert.Equal(CouncilSaveResult.Saved, result);
        await site.Get<CouncilStore>().AddRecipientAsync(id, "Andrea Becker", $"andrea.{id}@andernach.example.org");
        await site.Get<CouncilStore>().AddRecipientAsync(id, "Thomas Schmitt", $"thomas.{id}@andernach.example.org");
        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE councils SET created_at = @At WHERE id = @Id", new { Id = id, At = DateTimeOffset.UtcNow.AddDays(-7) });
        }

        var run = Assert.Single(await site.Get<DigestRound>().RunNowAsync(id));
        Assert.Equal(DigestRoundOutcome.Sent, run.Outcome);
        return (id, run.DigestId!.Value);
    }

    /// <summary>The unsubscribe link's path in the digest mail sent to <paramref name="email"/>.</summary>
    public static async Task<string> UnsubscribePathAsync(this SiteFactory site, string email) =>
        (await site.WaitForMailAsync(email)).LinkPath("/gremien/abmelden/");
}
