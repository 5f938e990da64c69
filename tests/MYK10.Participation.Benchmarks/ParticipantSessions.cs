using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Benchmarks;

/// <summary>Signed-in participants for the write load: each signs in through the real link page, as a browser would.</summary>
internal sealed class ParticipantSessions
{
    private static readonly HtmlParser Parser = new();

    private ParticipantSessions(IReadOnlyList<Session> sessions) => All = sessions;

    public IReadOnlyList<Session> All { get; }

    public static async Task<ParticipantSessions> SignInAsync(IDbConnectionFactory connections, Uri server, int firstParticipant, int count, string formPage)
    {
        var tokens = new List<(long Participant, string Token)>();
        await using (var connection = await connections.OpenAsync())
        await using (var transaction = connection.BeginTransaction())
        {
            for (var i = 0; i < count; i++)
            {
                var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
                await connection.ExecuteAsync("""
                    INSERT INTO login_tokens (participant_id, token_hash, created_at, expires_at)
                    VALUES (@Participant, @Hash, @Now, @Expires)
                    """, new { Participant = firstParticipant + i, Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), Now = DateTimeOffset.UtcNow, Expires = DateTimeOffset.UtcNow.AddHours(1) }, transaction);
                tokens.Add((firstParticipant + i, token));
            }

            await transaction.CommitAsync();
        }

        var sessions = await Task.WhenAll(tokens.Select(async t =>
        {
            var cookies = new CookieContainer();
            var client = LoadRunner.NewClient(server, 2, cookies);
            var link = $"/konto/link/{t.Token}";
            var signIn = await PostFormAsync(client, link, link, []);
            if (signIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Sign-in of participant {t.Participant} failed: {(int)signIn.StatusCode}.");
            }

            var formToken = await FormTokenAsync(client, formPage);
            return new Session(t.Participant, client, formToken);
        }));
        return new ParticipantSessions(sessions);
    }

    public static async Task<string> FormTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return Parser.ParseDocument(html).QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No form on {page}.");
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var token = await FormTokenAsync(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    internal sealed record Session(long ParticipantId, HttpClient Client, string FormToken);
}
