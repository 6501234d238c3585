using Npgsql;
using NpgsqlTypes;

namespace Reporting.EventStore.Bench;

/// <summary>
/// The baseline: the same stream and event rows Marten writes (the same columns, a chain-sized header), into plain
/// copies of Marten's tables with the same indexes and no trigger, numbered from a sequence of their own (drawing on
/// Marten's would leave gaps in its event numbers that the rebuild measured below would have to page over), by parameterized INSERTs in one transaction each.
/// </summary>
public sealed class PlainInserts(NpgsqlDataSource dataSource)
{
    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS plain_streams (LIKE mt_streams INCLUDING DEFAULTS INCLUDING INDEXES);
        CREATE TABLE IF NOT EXISTS plain_events (LIKE mt_events INCLUDING DEFAULTS INCLUDING INDEXES);
        CREATE SEQUENCE IF NOT EXISTS plain_events_sequence;
        """;

    private static readonly string Header = $$"""{"x-chain": "{{new string('0', 64)}}"}""";

    public Task<int> AppendOneToNewStreamAsync() => AppendToNewStreamAsync(1);

    /// <summary>One stream row and <paramref name="events"/> event rows, the events in one multi-row INSERT.</summary>
    public async Task<int> AppendToNewStreamAsync(int events)
    {
        var streamId = Guid.NewGuid();
        var ids = new Guid[events];
        var bodies = new string[events];
        for (var i = 0; i < events; i++)
        {
            ids[i] = Guid.CreateVersion7();
            bodies[i] = $"{{\"itemId\": \"{streamId}\", \"label\": \"plain\", \"quantity\": {i + 1}}}";
        }
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("INSERT INTO plain_streams (id, type, version, timestamp, created) VALUES ($1, NULL, $2, now(), now())")
                {
                    Parameters = { new() { Value = streamId }, new() { Value = (long)events } },
                },
                new NpgsqlBatchCommand("""
                    INSERT INTO plain_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, headers)
                    SELECT nextval('plain_events_sequence'), e.id, $2, e.version, e.body, 'item_recorded', now(), 'Reporting.EventStore.Bench.ItemRecorded, bench', $4
                    FROM unnest($1::uuid[], $3::jsonb[]) WITH ORDINALITY AS e (id, body, version)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = ids }, new() { Value = streamId },
                        new() { Value = bodies, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
                        new() { Value = Header, NpgsqlDbType = NpgsqlDbType.Jsonb },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return events;
    }
}
