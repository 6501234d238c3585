using Npgsql;
using NpgsqlTypes;
using Reporting.EventStore.Events;
using Reporting.EventStore.Serialization;

namespace Reporting.EventStore.Documents;

/// <summary>
/// Writes a unit of work's documents with one upsert and one delete per table, in the caller's transaction.
/// <c>mt_last_modified</c> keeps the hour only: documents are projected from informant events too, and a finer time
/// there would tell when an informant acted, which the events themselves already refuse to keep.
/// </summary>
internal static class DocumentWriter
{
    public static void AddTo(NpgsqlBatch batch, DocumentChanges changes, StoreSerializer serializer)
    {
        foreach (var (mapping, documents) in changes.Tables)
        {
            var deleted = documents.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList();
            var stored = documents.Where(pair => pair.Value is not null).ToList();
            if (deleted.Count > 0)
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"DELETE FROM {mapping.TableName} WHERE id = ANY($1)")
                {
                    Parameters = { new NpgsqlParameter { Value = TypedIds(mapping, deleted) } },
                });
            if (stored.Count > 0)
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
                    INSERT INTO {mapping.TableName} (id, data, mt_version, mt_last_modified, mt_dotnet_type)
                    SELECT u.id, u.data, gen_random_uuid(), date_trunc('hour', now()), $3 FROM unnest($1::{mapping.IdColumnType}[], $2::jsonb[]) AS u (id, data)
                    ON CONFLICT (id) DO UPDATE SET data = excluded.data, mt_version = excluded.mt_version,
                        mt_last_modified = excluded.mt_last_modified, mt_dotnet_type = excluded.mt_dotnet_type
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter { Value = TypedIds(mapping, stored.Select(pair => pair.Key).ToList()) },
                        new NpgsqlParameter { Value = stored.Select(pair => serializer.Serialize(pair.Value!)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
                        new NpgsqlParameter { Value = EventGraph.DotNetTypeName(mapping.Type) },
                    },
                });
        }
    }

    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DocumentChanges changes, StoreSerializer serializer, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
            return;
        await using var batch = new NpgsqlBatch(connection, transaction);
        AddTo(batch, changes, serializer);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static Array TypedIds(DocumentMapping mapping, IReadOnlyList<object> ids)
    {
        var array = Array.CreateInstance(mapping.IdType, ids.Count);
        for (var i = 0; i < ids.Count; i++)
            array.SetValue(ids[i], i);
        return array;
    }
}
