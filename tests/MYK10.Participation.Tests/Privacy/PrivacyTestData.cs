using Dapper;
using MYK10.Participation.Participants;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Privacy;

internal static class PrivacyTestData
{
    /// <summary>A participant who followed their link and completed the profile.</summary>
    public static async Task<long> ConfirmedParticipantAsync(this TestApp app, string email, string? displayName = null)
    {
        var links = app.Get<SignInLinkService>();
        var token = await links.RequestAsync(email, staySignedIn: false, returnUrl: null);
        var result = await links.ConsumeAsync(token);
        Assert.Equal(SignInLinkStatus.SignedIn, result.Status);
        await app.Get<ParticipantStore>().UpdateProfileAsync(result.Participant!.Id, displayName, "mendig", acceptPrivacy: true, app.Clock.GetUtcNow());
        return result.Participant.Id;
    }

    public static async Task<long> CountAsync(this TestApp app, string sql, object? parameters = null)
    {
        await using var connection = await app.Connections.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}
