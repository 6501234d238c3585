using System.Data.Common;
using System.Text.Json;
using Reporting.EventStore.Events;
using Reporting.EventStore.Serialization;
using Reporting.EventStore.Shredding;

namespace Reporting.EventStore.Sessions;

/// <summary>Reads event rows selected with <see cref="Columns"/>.</summary>
internal static class EventReader
{
    public const string Columns =
        "seq_id, id, stream_id, version, data::text, type, timestamp, tenant_id, mt_dotnet_type, is_archived, correlation_id, causation_id, headers::text, k.data_key";

    /// <summary>The events with their stream's wrapped data key, if any.</summary>
    public const string From = "mt_events LEFT JOIN mt_stream_keys AS k ON k.stream = mt_events.stream_id";

    public const int SequenceColumn = 0;
    public const int VersionColumn = 3;
    public const int DataColumn = 4;
    public const int TypeColumn = 5;

    /// <summary>
    /// The event, or null when its type is not registered with this store: a host that runs some modules only reads
    /// streams that also hold other modules' events, and skips those, as Marten does.
    /// </summary>
    public static IEvent? Read(DbDataReader reader, StoreOptions options)
    {
        var (events, serializer) = (options.Events, options.Serializer);
        var alias = reader.GetString(TypeColumn);
        if (!events.TryResolve(alias, out var type))
            return null;
        var streamId = reader.GetGuid(2);
        var version = reader.GetInt64(VersionColumn);
        var dotNetType = reader.IsDBNull(8) ? null : reader.GetString(8);
        var metadata = new EventMetadata(
            Id: reader.GetGuid(1),
            StreamId: streamId,
            Version: version,
            Sequence: reader.GetInt64(0),
            Timestamp: reader.GetFieldValue<DateTimeOffset>(6),
            EventTypeName: alias,
            DotNetTypeName: dotNetType,
            CorrelationId: reader.IsDBNull(10) ? null : reader.GetString(10),
            CausationId: reader.IsDBNull(11) ? null : reader.GetString(11),
            Headers: reader.IsDBNull(12) ? null : ReadHeaders(reader.GetString(12), serializer),
            IsArchived: reader.GetBoolean(9),
            TenantId: reader.GetString(7));
        return EventFactory.Create(Deserialize(reader, type, streamId, options), metadata);
    }

    private static object Deserialize(DbDataReader reader, Type type, Guid streamId, StoreOptions options)
    {
        if (!options.Shredding.CarriesShreddable(type))
            return options.Serializer.Deserialize(reader.GetString(4), type);
        using var dataKey = reader.IsDBNull(13) ? null : StreamKeys.Unwrap(options.KeyEncryptionKey, streamId, reader.GetFieldValue<byte[]>(13));
        using (ShreddingScope.Enter(streamId, dataKey))
            return options.Serializer.Deserialize(reader.GetString(4), type);
    }

    private static Dictionary<string, object> ReadHeaders(string json, StoreSerializer serializer) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json, serializer.Options)!
            .ToDictionary(pair => pair.Key, pair => (object)pair.Value);
}
