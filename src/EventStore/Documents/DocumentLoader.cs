using Npgsql;
using Reporting.EventStore.Serialization;

namespace Reporting.EventStore.Documents;

internal static class DocumentLoader
{
    public static async Task<Dictionary<object, object>> LoadManyAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, DocumentMapping mapping, IReadOnlyList<object> ids,
        StoreSerializer serializer, CancellationToken cancellationToken)
    {
        var found = new Dictionary<object, object>();
        if (ids.Count == 0)
            return found;
        await using var command = new NpgsqlCommand($"SELECT id, data::text FROM {mapping.TableName} WHERE id = ANY($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = DocumentWriter.TypedIds(mapping, ids) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found[reader.GetValue(0)] = serializer.Deserialize(reader.GetString(1), mapping.Type);
        return found;
    }
}
