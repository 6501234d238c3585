namespace Reporting.EventStore.Exceptions;

/// <summary>The operation is not allowed on the stream in its current state, such as appending to an archived stream.</summary>
public sealed class InvalidStreamOperationException(string message) : Exception(message);
