using Hangfire;

namespace MYK10.Participation.Operations;

/// <summary>Nightly backup; running twice in one night writes one file.</summary>
public sealed class BackupJob(BackupService backups)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunAsync(CancellationToken cancellationToken) => backups.CreateNightlyAsync(cancellationToken);
}
