using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Reference;

/// <summary>Reads the reference data that the first migration seeds. It changes only with a migration.</summary>
public sealed class ReferenceStore(IDbConnectionFactory connections)
{
    public async Task<IReadOnlyList<Municipality>> MunicipalitiesAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id AS Id, name AS Name, short_name AS ShortName, kind AS Kind, position AS Position
            FROM municipalities
            ORDER BY position
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Municipality>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<FieldOfAction>> FieldsOfActionAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id AS Id, name AS Name, position AS Position
            FROM fields_of_action
            ORDER BY position
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<FieldOfAction>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }
}
