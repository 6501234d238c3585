using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Reporting.EventStore.Events;

/// <summary>The event types the store knows: their aliases (snake_case, as Marten names them) and timestamp precision.</summary>
public sealed class EventGraph
{
    private readonly ConcurrentDictionary<Type, string> _aliases = new();
    private readonly ConcurrentDictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, TimeSpan> _precisions = new();

    public void AddEventType<T>() => AddEventType(typeof(T));

    public void AddEventType(Type type) => MapEventType(type, ToAlias(type));

    public void AddEventTypes(IEnumerable<Type> types)
    {
        foreach (var type in types)
            AddEventType(type);
    }

    public void MapEventType<T>(string alias) => MapEventType(typeof(T), alias);

    public void MapEventType(Type type, string alias)
    {
        var existing = _types.GetOrAdd(alias, type);
        if (existing != type)
            throw new InvalidOperationException($"Event alias '{alias}' is already used by {existing.FullName}.");
        _aliases.TryAdd(type, alias);
    }

    /// <summary>
    /// Stored timestamps of this event type are truncated to a multiple of <paramref name="unit"/> since the Unix epoch,
    /// for events whose exact time would reveal too much (an informant's acts are kept to the hour).
    /// </summary>
    public void TimestampPrecision<T>(TimeSpan unit)
    {
        if (unit <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(unit), "A precision is a positive span.");
        AddEventType<T>();
        _precisions[typeof(T)] = unit;
    }

    public TimeSpan PrecisionOf(Type type) => _precisions.TryGetValue(type, out var unit) ? unit : TimeSpan.Zero;

    public string AliasFor(Type type) => _aliases.TryGetValue(type, out var alias) ? alias : Register(type);

    /// <summary>The aliases of the registered types that <paramref name="handles"/> accepts.</summary>
    public string[] AliasesWhere(Func<Type, bool> handles) => _types.Where(pair => handles(pair.Value)).Select(pair => pair.Key).ToArray();

    /// <summary>
    /// The type registered under <paramref name="alias"/>. Types are resolved by alias only, never by the .NET type
    /// name stored beside it, so that the database cannot make the process instantiate a type of its choice.
    /// </summary>
    public bool TryResolve(string alias, [NotNullWhen(true)] out Type? type) => _types.TryGetValue(alias, out type);

    public static string DotNetTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    /// <summary>Marten's default alias: the type's name in snake_case (<c>ReportSubmitted</c> → <c>report_submitted</c>).</summary>
    public static string ToAlias(Type type)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
        var alias = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                alias.Append('_');
            alias.Append(char.ToLowerInvariant(c));
        }
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments())
                alias.Append('_').Append(ToAlias(argument));
        return alias.ToString();
    }

    private string Register(Type type)
    {
        AddEventType(type);
        return _aliases[type];
    }
}
