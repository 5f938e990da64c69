using Hangfire;
using MYK10.Participation.Mail;

namespace MYK10.Participation.Jobs;

/// <summary>Enqueues an outbox run now; the recurring run every minute catches anything this misses.</summary>
public sealed class HangfireOutboxSignal(IBackgroundJobClient jobs) : IOutboxSignal
{
    public void MailQueued() => jobs.Enqueue<OutboxJob>(job => job.RunAsync(CancellationToken.None));
}
