using System.Text.Json.Serialization;

namespace Reporting.EventStore.Shredding;

/// <summary>
/// A field of an event that is stored encrypted under its stream's data key, and reads back as
/// <see cref="IsShredded"/> once the stream was shredded. It can be stored in events only, never in documents.
/// </summary>
[JsonConverter(typeof(ShreddableJsonConverterFactory))]
public sealed class Shreddable<T>
{
    public Shreddable(T value) => Value = value;

    private Shreddable()
    {
        IsShredded = true;
    }

    public static Shreddable<T> Shredded { get; } = new();

    /// <summary>The value; the type's default once the stream was shredded.</summary>
    public T? Value { get; }

    public bool IsShredded { get; }

    public static implicit operator Shreddable<T>(T value) => new(value);

    public override string ToString() => IsShredded ? "[shredded]" : "[personal data]";

    public override bool Equals(object? obj) => obj is Shreddable<T> other && other.IsShredded == IsShredded && EqualityComparer<T?>.Default.Equals(other.Value, Value);

    public override int GetHashCode() => HashCode.Combine(IsShredded, Value);
}
