using System.Collections.Concurrent;
using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Benchmarks;

/// <summary>After the write load: every accepted support, ballot and survey response is stored exactly once, and counters match their rows.</summary>
internal static class Integrity
{
    public static async Task<ReportRow> CheckAsync(IDbConnectionFactory connections, Seeder seeder, int publishedIdeas, int sessions, LoadResult supports,
        ConcurrentDictionary<(long Participant, long Vote), int> ballots, (long SurveyId, long ResponsesBefore, long ParticipationsBefore, long Accepted) survey)
    {
        await using var connection = await connections.OpenAsync();
        var first = new { First = seeder.FirstFreshParticipant };

        var counterMismatches = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM ideas i WHERE supporters <> (SELECT count(*) FROM idea_supports s WHERE s.idea_id = i.id)");
        var supportRows = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM idea_supports WHERE participant_id >= @First", first);
        var supportsExpected = Math.Min(supports.AcceptedWithWarmUp, sessions * (long)publishedIdeas);

        // A participant's changed ballot replaces the earlier one: one ballot per accepted (participant, vote), each with its two marks.
        var ballotRows = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ballots WHERE participant_id >= @First", first);
        var wrongBallots = await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM ballots b
            WHERE b.participant_id >= @First AND (SELECT count(*) FROM ballot_choices c WHERE c.ballot_id = b.id) <> 2
            """, first);

        var parameters = new { Id = survey.SurveyId };
        var responses = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_responses WHERE survey_id = @Id", parameters) - survey.ResponsesBefore;
        var participations = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_participations WHERE survey_id = @Id", parameters) - survey.ParticipationsBefore;

        var ok = counterMismatches == 0 && supportRows == supportsExpected && ballotRows == ballots.Count && wrongBallots == 0
            && responses == survey.Accepted && participations == survey.Accepted;
        return new ReportRow("integrity after the write load",
            $"supports: {supportRows:N0} rows for {supportsExpected:N0} accepted, {counterMismatches} counters differ from their rows; " +
            $"ballots: {ballotRows:N0} for {ballots.Count:N0} accepted (participant, vote), {wrongBallots} with wrong marks; " +
            $"survey: {responses:N0} responses and {participations:N0} participation records for {survey.Accepted:N0} accepted submissions",
            "exactly once, counters exact", ok);
    }
}
