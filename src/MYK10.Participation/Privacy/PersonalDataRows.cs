using Dapper;
using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Privacy;

/// <summary>Helpers for contributors: a query's rows as plain dictionaries, column aliases as keys.</summary>
public static class PersonalDataRows
{
    public static async Task<PersonalDataSection> SectionAsync(this SqliteConnection connection, SqliteTransaction transaction, string key, string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        return new PersonalDataSection(key, rows
            .Cast<IDictionary<string, object?>>()
            .Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(r, StringComparer.Ordinal))
            .ToList());
    }
}
