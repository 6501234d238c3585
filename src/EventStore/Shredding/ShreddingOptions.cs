using System.Collections.Concurrent;
using System.Reflection;
using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Shredding;

public sealed class ShreddingOptions
{
    private readonly ConcurrentDictionary<Type, bool> _carriesShreddable = new();

    /// <summary>The XChaCha20-Poly1305 key that wraps every stream's data key; it never enters the database.</summary>
    public Key? KeyEncryptionKey { get; set; }

    /// <summary>Whether an event type holds a <see cref="Shreddable{T}"/> anywhere in its properties.</summary>
    internal bool CarriesShreddable(Type type) => _carriesShreddable.GetOrAdd(type, t => Walk(t, []));

    private static bool Walk(Type type, HashSet<Type> seen)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Shreddable<>))
            return true;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || !seen.Add(type))
            return false;
        if (type.IsArray)
            return Walk(type.GetElementType()!, seen);
        if (type.IsGenericType && type.GetGenericArguments().Any(argument => Walk(argument, seen)))
            return true;
        return type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true
            && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(property => Walk(property.PropertyType, seen));
    }
}
