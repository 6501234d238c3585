using System.Reflection;

namespace Reporting.EventStore.Documents;

/// <summary>How one document type is stored: its table <c>mt_doc_&lt;alias&gt;</c>, its id, and the JSON fields it indexes.</summary>
public sealed class DocumentMapping
{
    private readonly PropertyInfo _id;
    private readonly List<string> _indexedFields = [];
    private readonly List<(string Field, string Kind)> _otherIndexes = [];

    internal DocumentMapping(Type type)
    {
        Type = type;
        _id = type.GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"Document type {type.FullName} has no public Id property.");
        if (_id.PropertyType != typeof(Guid) && _id.PropertyType != typeof(string))
            throw new InvalidOperationException($"Document type {type.FullName}: Id must be a Guid or a string.");
        Alias = type.Name.ToLowerInvariant();
        TableName = $"mt_doc_{Alias}";
    }

    public Type Type { get; }

    public string Alias { get; }

    public string TableName { get; }

    public Type IdType => _id.PropertyType;

    internal string IdColumnType => IdType == typeof(Guid) ? "uuid" : "text";

    public IReadOnlyList<string> IndexedFields => _indexedFields;

    internal void AddIndex(string jsonField)
    {
        if (!_indexedFields.Contains(jsonField))
            _indexedFields.Add(jsonField);
    }

    /// <summary>A GIN index on <c>data -> 'field'</c>: serves <c>Contains</c> on an array field.</summary>
    internal void AddGinIndex(string jsonField) => AddOther(jsonField, "gin");

    /// <summary>A btree on <c>data -> 'field'</c>, the form ordering uses: a newest-first page reads the index, not the table.</summary>
    internal void AddSortIndex(string jsonField) => AddOther(jsonField, "sort");

    private void AddOther(string jsonField, string kind)
    {
        if (!_otherIndexes.Contains((jsonField, kind)))
            _otherIndexes.Add((jsonField, kind));
    }

    internal object IdOf(object document) =>
        _id.GetValue(document) ?? throw new InvalidOperationException($"A {Type.Name} without an Id cannot be stored.");

    /// <summary>Sets the id of a projected document, including an init-only one, when it does not carry it yet.</summary>
    internal void AssignId(object document, object id)
    {
        if (!Equals(_id.GetValue(document), id) && _id.SetMethod is not null)
            _id.SetValue(document, id);
    }

    internal string CreateTableSql()
    {
        var sql = $"""
            CREATE TABLE IF NOT EXISTS {TableName} (
                id {IdColumnType} PRIMARY KEY,
                data jsonb NOT NULL,
                mt_version uuid NOT NULL,
                mt_last_modified timestamptz NOT NULL DEFAULT date_trunc('hour', now()),
                mt_dotnet_type text NULL);

            """;
        foreach (var field in _indexedFields)
            sql += $"CREATE INDEX IF NOT EXISTS {TableName}_idx_{field.ToLowerInvariant()} ON {TableName} ((data ->> '{field}'));\n";
        foreach (var (field, kind) in _otherIndexes)
            sql += kind == "gin"
                ? $"CREATE INDEX IF NOT EXISTS {TableName}_gin_{field.ToLowerInvariant()} ON {TableName} USING gin ((data -> '{field}'));\n"
                : $"CREATE INDEX IF NOT EXISTS {TableName}_sort_{field.ToLowerInvariant()} ON {TableName} ((data -> '{field}'));\n";
        return sql;
    }
}
