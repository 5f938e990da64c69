using Hangfire;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Surveys;

public static class JobClientWarmUp
{
    /// <summary>
    /// Starts the site and creates its Hangfire job client at once. Hangfire keeps one static log provider, set to the
    /// logger factory of the host started last; a client created after that host was disposed (another test class
    /// finished) would fail. Closing a survey enqueues through this client, so it is made while this host is current.
    /// </summary>
    public static void WarmUpJobClient(this SiteFactory site) => site.Get<IBackgroundJobClient>();
}
