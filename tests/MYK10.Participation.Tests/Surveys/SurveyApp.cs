using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Surveys;

/// <summary>A <see cref="TestApp"/> that records closed surveys instead of enqueuing Hangfire jobs (the web tests run the real server).</summary>
public static class SurveyApp
{
    public static Task<TestApp> StartAsync() =>
        TestApp.StartAsync(configure: s => s.AddSingleton<ISurveyResultsSignal, ClosedSurveys>());
}

public sealed class ClosedSurveys : ISurveyResultsSignal
{
    public ConcurrentQueue<long> Ids { get; } = new();

    public void SurveyClosed(long surveyId) => Ids.Enqueue(surveyId);
}

public static class SurveyParticipants
{
    /// <summary>Participant rows for verified-mode tests (the sign-in flow itself is tested by the participants feature).</summary>
    public static async Task CreateAsync(TestApp app, params long[] ids)
    {
        await using var connection = await app.Connections.OpenAsync();
        foreach (var id in ids)
        {
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "INSERT INTO participants (id, email, municipality_id, email_confirmed_at, created_at) VALUES (@Id, @Email, 'mendig', @Now, @Now)",
                new { Id = id, Email = $"teilnehmer{id}@example.org", Now = app.Clock.GetUtcNow() });
        }
    }
}
