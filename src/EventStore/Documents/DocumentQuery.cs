using System.Linq.Expressions;
using System.Reflection;
using Npgsql;
using Reporting.EventStore.Serialization;

namespace Reporting.EventStore.Documents;

/// <summary>
/// A query over one document table: equality on JSON fields joined by <c>&amp;&amp;</c> (the shape an expression
/// index on <c>data ->> 'field'</c> serves), ordering, and paging. Deliberately not a general LINQ provider.
/// </summary>
public sealed class DocumentQuery<T> where T : class
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly DocumentMapping _mapping;
    private readonly StoreSerializer _serializer;
    private readonly List<(string Field, string? Value)> _conditions = [];
    private readonly List<(string Field, bool Descending)> _order = [];
    private int _skip;
    private int? _take;

    internal DocumentQuery(NpgsqlDataSource dataSource, DocumentMapping mapping, StoreSerializer serializer)
    {
        _dataSource = dataSource;
        _mapping = mapping;
        _serializer = serializer;
    }

    public DocumentQuery<T> Where(Expression<Func<T, bool>> predicate)
    {
        AddConditions(predicate.Body);
        return this;
    }

    public DocumentQuery<T> OrderBy(Expression<Func<T, object?>> member)
    {
        _order.Add((DocumentSchema.FieldOf(member, _serializer), false));
        return this;
    }

    public DocumentQuery<T> OrderByDescending(Expression<Func<T, object?>> member)
    {
        _order.Add((DocumentSchema.FieldOf(member, _serializer), true));
        return this;
    }

    public DocumentQuery<T> Skip(int count)
    {
        _skip = count;
        return this;
    }

    public DocumentQuery<T> Take(int count)
    {
        _take = count;
        return this;
    }

    public async Task<IReadOnlyList<T>> ToListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = Command("data::text", paged: true);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            documents.Add((T)_serializer.Deserialize(reader.GetString(0), typeof(T)));
        return documents;
    }

    public async Task<T?> FirstOrDefaultAsync(CancellationToken cancellationToken = default) =>
        (await Take(1).ToListAsync(cancellationToken)).FirstOrDefault();

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var command = Command("count(*)", paged: false);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>One page (numbered from 1) and the total count, as Marten's <c>ToPagedListAsync</c>.</summary>
    public async Task<PagedList<T>> ToPagedListAsync(int pageNumber, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var total = await CountAsync(cancellationToken);
        var items = await Skip((pageNumber - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, pageNumber, pageSize, total);
    }

    private NpgsqlCommand Command(string selection, bool paged)
    {
        var command = _dataSource.CreateCommand();
        var sql = $"SELECT {selection} FROM {_mapping.TableName}";
        var clauses = new List<string>();
        foreach (var (field, value) in _conditions)
        {
            if (value is null)
            {
                clauses.Add($"data ->> '{field}' IS NULL");
                continue;
            }
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            clauses.Add($"data ->> '{field}' = ${command.Parameters.Count}");
        }
        if (clauses.Count > 0)
            sql += " WHERE " + string.Join(" AND ", clauses);
        if (paged)
        {
            var order = _order.Select(o => $"data -> '{o.Field}'{(o.Descending ? " DESC" : "")}").Append("id");
            sql += " ORDER BY " + string.Join(", ", order);
            if (_take is { } take)
                sql += $" LIMIT {take}";
            if (_skip > 0)
                sql += $" OFFSET {_skip}";
        }
        command.CommandText = sql;
        return command;
    }

    private void AddConditions(Expression expression)
    {
        switch (expression)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                AddConditions(and.Left);
                AddConditions(and.Right);
                break;
            case BinaryExpression { NodeType: ExpressionType.Equal } equal when FieldOf(equal.Left) is { } field:
                _conditions.Add((field, ValueOf(equal.Right)));
                break;
            case BinaryExpression { NodeType: ExpressionType.Equal } equal when FieldOf(equal.Right) is { } field:
                _conditions.Add((field, ValueOf(equal.Left)));
                break;
            default:
                throw new NotSupportedException($"Document queries support field == value joined by &&; not {expression}.");
        }
    }

    private string? FieldOf(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert)
            expression = convert.Operand;
        return expression is MemberExpression { Member: PropertyInfo or FieldInfo, Expression: ParameterExpression } access
            ? DocumentSchema.CheckedField(_serializer.JsonName(access.Member))
            : null;
    }

    private string? ValueOf(Expression expression)
    {
        var value = Expression.Lambda(expression).Compile().DynamicInvoke();
        return value is null ? null : _serializer.JsonText(value);
    }
}

/// <param name="PageNumber">From 1.</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long TotalItemCount)
{
    public long PageCount => (TotalItemCount + PageSize - 1) / PageSize;

    public bool HasNextPage => PageNumber < PageCount;
}
