namespace Reporting.EventStore.Documents;

/// <summary>
/// The documents a unit of work will write: the last store or delete of each document wins, so that one
/// statement per table can write them all.
/// </summary>
internal sealed class DocumentChanges(DocumentSchema schema)
{
    private readonly Dictionary<DocumentMapping, Dictionary<object, object?>> _byTable = [];

    public bool IsEmpty => _byTable.Count == 0;

    public void Store(object document)
    {
        var mapping = schema.MappingFor(document.GetType());
        Table(mapping)[mapping.IdOf(document)] = document;
    }

    public void Delete(Type type, object id) => Table(schema.MappingFor(type))[id] = null;

    /// <summary>A document written earlier in this unit of work: found with its pending content, or pending deletion (null).</summary>
    public bool TryGetPending(DocumentMapping mapping, object id, out object? document)
    {
        document = null;
        return _byTable.TryGetValue(mapping, out var table) && table.TryGetValue(id, out document);
    }

    public IEnumerable<(DocumentMapping Mapping, IReadOnlyDictionary<object, object?> Documents)> Tables =>
        _byTable.Select(pair => (pair.Key, (IReadOnlyDictionary<object, object?>)pair.Value));

    public void Clear() => _byTable.Clear();

    private Dictionary<object, object?> Table(DocumentMapping mapping)
    {
        if (!_byTable.TryGetValue(mapping, out var table))
            _byTable[mapping] = table = [];
        return table;
    }
}
