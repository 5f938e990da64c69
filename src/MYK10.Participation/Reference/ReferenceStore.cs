using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Reference;

/// <summary>
/// Reads the reference data that the first migration seeds. It changes only with a migration, so it is read once
/// per process and kept.
/// </summary>
public sealed class ReferenceStore(IDbConnectionFactory connections)
{
    private IReadOnlyList<Municipality>? _municipalities;
    private IReadOnlyList<FieldOfAction>? _fields;

    public async Task<IReadOnlyList<Municipality>> MunicipalitiesAsync(CancellationToken cancellationToken = default) =>
        _municipalities ??= await ReadMunicipalitiesAsync(cancellationToken);

    public async Task<IReadOnlyList<FieldOfAction>> FieldsOfActionAsync(CancellationToken cancellationToken = default) =>
        _fields ??= await ReadFieldsAsync(cancellationToken);

    private async Task<IReadOnlyList<Municipality>> ReadMunicipalitiesAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, name AS Name, short_name AS ShortName, kind AS Kind, position AS Position
            FROM municipalities
            ORDER BY position
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Municipality>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    private async Task<IReadOnlyList<FieldOfAction>> ReadFieldsAsync(CancellationToken cancellationToken)
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
