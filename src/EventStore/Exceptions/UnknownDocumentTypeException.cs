namespace Reporting.EventStore.Exceptions;

/// <summary>Document tables are created at start-up, so every document type must be declared before it is used.</summary>
public sealed class UnknownDocumentTypeException(Type type)
    : Exception($"Document type {type.FullName} has no table; declare it with options.Schema.For<{type.Name}>() or through a projection.");
