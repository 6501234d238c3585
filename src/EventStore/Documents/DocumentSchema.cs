using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using Reporting.EventStore.Exceptions;
using Reporting.EventStore.Serialization;

namespace Reporting.EventStore.Documents;

/// <summary>The declared document types (<c>options.Schema.For&lt;T&gt;()</c>); their tables are created at start-up.</summary>
public sealed partial class DocumentSchema(StoreSerializer serializer)
{
    private readonly ConcurrentDictionary<Type, DocumentMapping> _mappings = new();

    public DocumentMappingExpression<T> For<T>() => new(Add(typeof(T)), serializer);

    public IEnumerable<DocumentMapping> All => _mappings.Values.OrderBy(mapping => mapping.TableName, StringComparer.Ordinal);

    internal DocumentMapping Add(Type type) => _mappings.GetOrAdd(type, t => new DocumentMapping(t));

    internal DocumentMapping MappingFor(Type type) =>
        _mappings.TryGetValue(type, out var mapping) ? mapping : throw new UnknownDocumentTypeException(type);

    internal static string FieldOf<T>(Expression<Func<T, object?>> member, StoreSerializer serializer)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        if (body is not MemberExpression { Member: PropertyInfo or FieldInfo } access || access.Expression is not ParameterExpression)
            throw new ArgumentException("Only a direct property of the document can be used here.", nameof(member));
        return CheckedField(serializer.JsonName(access.Member));
    }

    internal static string CheckedField(string field) =>
        FieldName().IsMatch(field) ? field : throw new ArgumentException($"'{field}' cannot be used as a JSON field name in SQL.", nameof(field));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,40}$")]
    private static partial Regex FieldName();
}

public sealed class DocumentMappingExpression<T>
{
    private readonly DocumentMapping _mapping;
    private readonly StoreSerializer _serializer;

    internal DocumentMappingExpression(DocumentMapping mapping, StoreSerializer serializer)
    {
        _mapping = mapping;
        _serializer = serializer;
    }

    /// <summary>An expression index on <c>data ->> 'field'</c>, the form that queries on the field use.</summary>
    public DocumentMappingExpression<T> Index(Expression<Func<T, object?>> member)
    {
        _mapping.AddIndex(DocumentSchema.FieldOf(member, _serializer));
        return this;
    }

    /// <summary>
    /// Copies the field into an indexed column of its own, generated from the document on every write (Marten's
    /// <c>Duplicate</c>): queries on it never read the whole document.
    /// </summary>
    public DocumentMappingExpression<T> Duplicate(Expression<Func<T, object?>> member)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        _mapping.AddDuplicate(DocumentSchema.FieldOf(member, _serializer), body.Type);
        return this;
    }

    /// <summary>
    /// One btree over several duplicated fields, in order: a filter on the first and an order on the next, say. An array
    /// field may close it (btree over jsonb), so that a count filtered on it too can be read from the index alone.
    /// </summary>
    public DocumentMappingExpression<T> CompositeIndex(params Expression<Func<T, object?>>[] members)
    {
        _mapping.AddCompositeIndex([.. members.Select(member => DocumentSchema.FieldOf(member, _serializer))]);
        return this;
    }
}
