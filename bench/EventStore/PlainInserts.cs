using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Reporting.EventStore.Bench;

/// <summary>The baseline: the same stream and event rows the store writes, by two parameterized INSERTs in one transaction.</summary>
public sealed class PlainInserts(NpgsqlDataSource dataSource)
{
    public async Task<int> AppendOneToNewStreamAsync()
    {
        var streamId = Guid.NewGuid();
        var data = $"{{\"itemId\": \"{streamId}\", \"label\": \"plain\", \"quantity\": 1}}";
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("INSERT INTO mt_streams (id, type, version, timestamp, created, head_hash) VALUES ($1, NULL, 1, now(), now(), $2)")
                {
                    Parameters = { new() { Value = streamId }, new() { Value = SHA256.HashData(Encoding.UTF8.GetBytes(data)) } },
                },
                new NpgsqlBatchCommand("""
                    INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, hash)
                    VALUES (nextval('mt_events_sequence'), $1, $2, 1, $3, 'item_recorded', now(), 'Reporting.EventStore.Bench.ItemRecorded, bench', $4)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = Guid.CreateVersion7() }, new() { Value = streamId },
                        new() { Value = data, NpgsqlDbType = NpgsqlDbType.Jsonb }, new() { Value = SHA256.HashData(Encoding.UTF8.GetBytes(data)) },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return 1;
    }
}
