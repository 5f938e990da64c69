using Dapper;
using Microsoft.Extensions.Options;
using MYK10.Participation.Data;

namespace MYK10.Participation.Privacy;

/// <summary>The end of the participation phase, when set, and the deletion date that follows from it.</summary>
public sealed record PhaseEnd(DateTimeOffset EndsAt, DateTimeOffset DeletionAt, DateTimeOffset NoticeFrom);

public sealed class PhaseStore(IDbConnectionFactory connections, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public async Task<PhaseEnd?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var endsAt = await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(
            new CommandDefinition("SELECT ends_at AS EndsAt FROM participation_phase WHERE id = 1", cancellationToken: cancellationToken));
        return endsAt is { } end ? For(end) : null;
    }

    public PhaseEnd For(DateTimeOffset endsAt)
    {
        var deletion = endsAt.AddDays(options.Value.AccountsDaysAfterPhaseEnd);
        return new PhaseEnd(endsAt, deletion, deletion.AddDays(-options.Value.NoticeDaysBeforeDeletion));
    }

    /// <summary>Sets (or, with null, clears) the end of the phase.</summary>
    public async Task SetAsync(DateTimeOffset? endsAt, long? staffId)
    {
        const string upsert = """
            INSERT INTO participation_phase (id, ends_at, set_at, set_by) VALUES (1, @EndsAt, @Now, @StaffId)
            ON CONFLICT (id) DO UPDATE SET ends_at = excluded.ends_at, set_at = excluded.set_at, set_by = excluded.set_by
            """;
        await using var connection = await connections.OpenAsync();
        if (endsAt is null)
        {
            await connection.ExecuteAsync("DELETE FROM participation_phase WHERE id = 1");
        }
        else
        {
            await connection.ExecuteAsync(upsert, new { EndsAt = endsAt.Value.ToUniversalTime(), Now = clock.GetUtcNow(), StaffId = staffId });
        }
    }
}
