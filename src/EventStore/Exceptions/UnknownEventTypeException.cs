namespace Reporting.EventStore.Exceptions;

/// <summary>
/// A stored event's type alias is not registered with this store. Types are resolved by alias only, never by the
/// .NET type name stored beside it, so that the database cannot make the process instantiate a type of its choice.
/// </summary>
public sealed class UnknownEventTypeException(string alias, string? dotNetTypeName, Guid streamId, long version)
    : Exception($"Event type '{alias}' (stored as .NET type '{dotNetTypeName ?? "?"}') at stream {streamId} version {version} is not registered with the store; register it with options.Events.AddEventType<T>().")
{
    public string Alias { get; } = alias;
}
