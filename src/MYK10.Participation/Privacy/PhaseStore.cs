using Dapper;
using MYK10.Participation.Time;
using Microsoft.Extensions.Options;
using MYK10.Participation.Administration;
using MYK10.Participation.Data;
using MYK10.Participation.Moderation;

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

    /// <summary>The moment a phase whose last day is <paramref name="lastDay"/> ends: midnight after it in Mayen-Koblenz.</summary>
    public static DateTimeOffset EndOf(DateOnly lastDay)
    {
        var midnight = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, BerlinTime.Zone.GetUtcOffset(midnight));
    }

    /// <summary>
    /// The earliest last day that can still be set now: one whose notice falls today or later, so that every participant
    /// is told the full notice period before the deletion. An earlier day would delete accounts without that notice.
    /// </summary>
    public DateOnly EarliestLastDay()
    {
        var latestEnd = clock.GetUtcNow().AddDays(options.Value.NoticeDaysBeforeDeletion - options.Value.AccountsDaysAfterPhaseEnd);
        return DateOnly.FromDateTime(BerlinTime.ToBerlin(latestEnd).DateTime);
    }

    /// <summary>The latest last day that can be set: ten years ahead is far beyond any participation phase, and keeps the
    /// deletion date that follows from it a date (9999-12-31 as the last day would have no "midnight after").</summary>
    public DateOnly LatestLastDay() => DateOnly.FromDateTime(BerlinTime.ToBerlin(clock.GetUtcNow()).DateTime).AddYears(10);

    /// <summary>Sets (or, with null, clears) the end of the phase; the admin log records the end before and after.</summary>
    public async Task SetAsync(DateTimeOffset? endsAt, StaffActor? actor)
    {
        const string upsert = """
            INSERT INTO participation_phase (id, ends_at, set_at, set_by) VALUES (1, @EndsAt, @Now, @StaffId)
            ON CONFLICT (id) DO UPDATE SET ends_at = excluded.ends_at, set_at = excluded.set_at, set_by = excluded.set_by
            """;
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var before = await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>("SELECT ends_at AS EndsAt FROM participation_phase WHERE id = 1", transaction: transaction);
        if (endsAt is null)
        {
            await connection.ExecuteAsync("DELETE FROM participation_phase WHERE id = 1", transaction: transaction);
        }
        else
        {
            await connection.ExecuteAsync(upsert, new { EndsAt = endsAt.Value.ToUniversalTime(), Now = now, StaffId = actor?.Id }, transaction);
        }

        await AdminLog.WriteAsync(connection, transaction, actor, now, endsAt is null ? AdminActions.Clear : AdminActions.Set, AdminTarget.ParticipationPhase,
            details: null, before: new { endsAt = before }, after: new { endsAt = endsAt?.ToUniversalTime() });
        transaction.Commit();
    }
}
