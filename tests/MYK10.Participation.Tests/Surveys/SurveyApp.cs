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
