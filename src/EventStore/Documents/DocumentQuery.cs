using System.Linq.Expressions;
using System.Reflection;
using Npgsql;
using Reporting.EventStore.Serialization;

namespace Reporting.EventStore.Documents;

/// <summary>
/// A query over one document table: conditions joined by <c>&amp;&amp;</c>, ordering, and paging. A condition is a
/// field compared with a value (<c>==</c>, or <c>&lt;</c> and its kin, the shapes an expression index on
/// <c>data ->> 'field'</c> serves), or whether an array field contains a value, possibly negated (what a GIN index on
/// <c>data -> 'field'</c> serves). Values compare as the text of their JSON form, which orders ISO dates and times
/// correctly; numbers compare as numbers. Deliberately not a general LINQ provider.
/// </summary>
public sealed class DocumentQuery<T> where T : class
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly DocumentMapping _mapping;
    private readonly StoreSerializer _serializer;
    private readonly List<Condition> _conditions = [];
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
        foreach (var (field, op, value, numeric) in _conditions)
        {
            var duplicated = _mapping.Duplicated(field);
            var text = duplicated is { Kind: DuplicateKind.Text } ? duplicated.Column : $"data ->> '{field}'";
            var array = duplicated is { Kind: DuplicateKind.Array } ? duplicated.Column : $"data -> '{field}'";
            if (value is null)
            {
                clauses.Add(op switch
                {
                    "=" => $"{text} IS NULL",
                    "<>" => $"{text} IS NOT NULL",
                    _ => "false",
                });
                continue;
            }
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            var parameter = $"${command.Parameters.Count}";
            clauses.Add(op switch
            {
                "contains" => $"{array} ? {parameter}",
                "not-contains" => $"NOT coalesce({array} ? {parameter}, false)",
                _ when duplicated is { Kind: DuplicateKind.Number } => $"{duplicated.Column} {op} {parameter}::numeric",
                _ when numeric => $"(data ->> '{field}')::numeric {op} {parameter}::numeric",
                _ => $"{text} {op} {parameter}",
            });
        }
        if (clauses.Count > 0)
            sql += " WHERE " + string.Join(" AND ", clauses);
        if (paged)
        {
            var order = _order.Select(o => $"{OrderExpression(o.Field)}{(o.Descending ? " DESC" : "")}").Append("id");
            sql += " ORDER BY " + string.Join(", ", order);
            if (_take is { } take)
                sql += $" LIMIT {take}";
            if (_skip > 0)
                sql += $" OFFSET {_skip}";
        }
        command.CommandText = sql;
        return command;
    }

    /// <summary>A duplicated scalar orders by its column (text sorts ISO dates and times as the JSON does); others by the JSON value.</summary>
    private string OrderExpression(string field) =>
        _mapping.Duplicated(field) is { Kind: not DuplicateKind.Array } duplicated ? duplicated.Column : $"data -> '{field}'";

    private void AddConditions(Expression expression)
    {
        switch (expression)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                AddConditions(and.Left);
                AddConditions(and.Right);
                break;
            case BinaryExpression binary when Comparisons.TryGetValue(binary.NodeType, out var op) && FieldOf(binary.Left) is { } field:
                _conditions.Add(Compare(field, op, binary.Right));
                break;
            case BinaryExpression binary when Comparisons.TryGetValue(binary.NodeType, out var op) && FieldOf(binary.Right) is { } field:
                _conditions.Add(Compare(field, Mirrored(op), binary.Left));
                break;
            case UnaryExpression { NodeType: ExpressionType.Not, Operand: MethodCallExpression call } when ContainsCall(call) is { } contains:
                _conditions.Add(new Condition(contains.Field, "not-contains", contains.Value, Numeric: false));
                break;
            case MethodCallExpression call when ContainsCall(call) is { } contains:
                _conditions.Add(new Condition(contains.Field, "contains", contains.Value, Numeric: false));
                break;
            default:
                throw new NotSupportedException($"Document queries support field comparisons and array Contains joined by &&; not {expression}.");
        }
    }

    private sealed record Condition(string Field, string Op, string? Value, bool Numeric);

    private static readonly Dictionary<ExpressionType, string> Comparisons = new()
    {
        [ExpressionType.Equal] = "=",
        [ExpressionType.NotEqual] = "<>",
        [ExpressionType.LessThan] = "<",
        [ExpressionType.LessThanOrEqual] = "<=",
        [ExpressionType.GreaterThan] = ">",
        [ExpressionType.GreaterThanOrEqual] = ">=",
    };

    private static string Mirrored(string op) => op switch { "<" => ">", "<=" => ">=", ">" => "<", ">=" => "<=", _ => op };

    private Condition Compare(string field, string op, Expression valueExpression)
    {
        var value = Expression.Lambda(valueExpression).Compile().DynamicInvoke();
        var type = Nullable.GetUnderlyingType(valueExpression.Type) ?? valueExpression.Type;
        var numeric = op is not ("=" or "<>") && (type.IsPrimitive || type == typeof(decimal)) && type != typeof(bool) && type != typeof(char);
        return new Condition(field, op, value is null ? null : _serializer.JsonText(value), numeric);
    }

    /// <summary>
    /// <c>doc.Items.Contains(value)</c>: an instance method of a list, or on an array <c>Enumerable.Contains</c> or (as
    /// C# 14 binds it) <c>MemoryExtensions.Contains</c> over the array made a span.
    /// </summary>
    private (string Field, string? Value)? ContainsCall(MethodCallExpression call)
    {
        if (call.Method.Name != nameof(Enumerable.Contains) || call.Method.DeclaringType == typeof(string))
            return null;
        var (source, argument) = call.Object is null && call.Arguments.Count == 2
            ? (call.Arguments[0], call.Arguments[1])
            : call.Arguments.Count == 1 ? (call.Object, call.Arguments[0]) : (null, null);
        if (source is MethodCallExpression { Method.Name: "op_Implicit", Arguments: [var spanOf] })
            source = spanOf;
        return source is not null && FieldOf(source) is { } field ? (field, ValueOf(argument!)) : null;
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
