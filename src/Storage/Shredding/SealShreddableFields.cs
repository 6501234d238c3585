using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Marten;

namespace Reporting.Storage.Shredding;

/// <summary>
/// Seals every <see cref="Shreddable{T}"/> of the events a session is about to append under its stream's data key.
/// Marten calls listeners after it has numbered the events and before it serializes them, so this is where a field
/// learns the stream it belongs to, which the serializer itself never sees.
/// </summary>
internal sealed class SealShreddableFields(StreamKeyStore keys) : DocumentSessionListenerBase
{
    private static readonly ConcurrentDictionary<Type, bool> Carrying = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var pending = session.PendingChanges.Streams()
            .Select(stream => (stream.Id, Fields: stream.Events.SelectMany(@event => FieldsIn(@event.Data)).ToList()))
            .Where(stream => stream.Fields.Count > 0)
            .ToList();
        if (pending.Count == 0)
            return;
        var dataKeys = await keys.GetOrCreateAsync([.. pending.Select(stream => stream.Id).Distinct()], token);
        foreach (var (streamId, fields) in pending)
            foreach (var field in fields)
                field.Seal(streamId, dataKeys[streamId]);
    }

    internal static IEnumerable<ISealable> FieldsIn(object? value)
    {
        if (value is null || !MayCarry(value.GetType()))
            yield break;
        if (value is ISealable field)
        {
            yield return field;
            yield break;
        }
        if (value is IEnumerable items)
        {
            foreach (var item in items)
                foreach (var inner in FieldsIn(item))
                    yield return inner;
            yield break;
        }
        foreach (var property in Properties.GetOrAdd(value.GetType(), type =>
                     [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && MayCarry(p.PropertyType))]))
            foreach (var inner in FieldsIn(property.GetValue(value)))
                yield return inner;
    }

    /// <summary>Whether a shreddable field can be reached through a value of this type; false for most types, which are then never walked.</summary>
    private static bool MayCarry(Type type) => Carrying.GetOrAdd(type, t => MayCarry(t, []));

    private static bool MayCarry(Type type, HashSet<Type> seen)
    {
        if (typeof(ISealable).IsAssignableFrom(type) || type == typeof(object))
            return true;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || !seen.Add(type))
            return false;
        if (type.IsArray)
            return MayCarry(type.GetElementType()!, seen);
        if (type.IsGenericType && type.GetGenericArguments().Any(argument => MayCarry(argument, seen)))
            return true;
        return type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true
            && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(property => MayCarry(property.PropertyType, seen));
    }
}
