namespace Reporting.EventStore.Events;

/// <param name="Version">The version of the stream's last event.</param>
/// <param name="AggregateTypeName">The alias of the aggregate type the stream was started for, if any.</param>
public sealed record StreamState(Guid Id, long Version, string? AggregateTypeName, DateTimeOffset LastTimestamp, DateTimeOffset Created, bool IsArchived);
