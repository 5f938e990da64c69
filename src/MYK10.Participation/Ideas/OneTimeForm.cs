using Dapper;
using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Ideas;

/// <summary>
/// A form's one-time key (<c>sql/0074</c> for ideas, <c>sql/0077</c> and <c>sql/0080</c> for comments on ideas and
/// measures): the same form sent twice stores one contribution. A key used before with the same text gives the earlier
/// row; with another text (back in the browser, changed, sent) the form stores a contribution of its own, without the key.
/// </summary>
public static class OneTimeForm
{
    /// <summary>A fresh key for a form being rendered.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>The key as the tables accept it (16 to 64 characters), or none.</summary>
    public static string? Key(string? formKey) => formKey is { Length: >= 16 and <= 64 } ? formKey : null;

    /// <param name="insert">An INSERT … ON CONFLICT (author_id, submission_key) … DO NOTHING RETURNING id, with <c>@Key</c>.</param>
    /// <param name="earlier">The id of the row stored before with this <c>@Key</c> and the same text.</param>
    /// <param name="row">The parameters of both, for a key (or null).</param>
    /// <returns>The row's id, and whether this call stored it.</returns>
    internal static async Task<(long Id, bool Stored)> InsertAsync(SqliteConnection connection, SqliteTransaction transaction,
        string insert, string earlier, Func<string?, object> row, string? key)
    {
        if (await connection.ExecuteScalarAsync<long?>(insert, row(key), transaction) is { } id)
        {
            return (id, true);
        }

        return await connection.ExecuteScalarAsync<long?>(earlier, row(key), transaction) is { } first
            ? (first, false)
            : (await connection.ExecuteScalarAsync<long>(insert, row(null), transaction), true);
    }
}
