using System.Text.Json.Serialization;
using NSec.Cryptography;

namespace Reporting.Storage.Shredding;

/// <summary>
/// A field of an event that is stored encrypted under its stream's data key, and reads back as
/// <see cref="IsShredded"/> once the stream was shredded. It can be stored in events only, never in documents:
/// it is sealed when the session that appends its event saves (<see cref="SealShreddableFields"/>).
/// </summary>
[JsonConverter(typeof(ShreddableJsonConverterFactory))]
public sealed class Shreddable<T> : ISealable
{
    public Shreddable(T value) => Value = value;

    private Shreddable()
    {
        IsShredded = true;
    }

    internal Shreddable(T value, SealedField sealedField)
    {
        Value = value;
        Sealed = sealedField;
    }

    public static Shreddable<T> Shredded { get; } = new();

    /// <summary>The value; the type's default once the stream was shredded.</summary>
    public T? Value { get; }

    public bool IsShredded { get; }

    /// <summary>
    /// The ciphertext, made once when the event was first saved or read, so that serializing the same event again writes
    /// the same bytes.
    /// </summary>
    internal SealedField? Sealed { get; private set; }

    public static implicit operator Shreddable<T>(T value) => new(value);

    void ISealable.Seal(Guid streamId, Key dataKey)
    {
        if (IsShredded)
            throw new InvalidOperationException($"Stream {streamId} was shredded; no personal data can be added to it.");
        if (Sealed?.StreamId != streamId)
            Sealed = SealedField.Seal(streamId, dataKey, Value);
    }

    public override string ToString() => IsShredded ? "[shredded]" : "[personal data]";

    public override bool Equals(object? obj) => obj is Shreddable<T> other && other.IsShredded == IsShredded && EqualityComparer<T?>.Default.Equals(other.Value, Value);

    public override int GetHashCode() => HashCode.Combine(IsShredded, Value);
}

/// <summary>What the sealing listener finds in an event, whatever the type of the value.</summary>
internal interface ISealable
{
    void Seal(Guid streamId, Key dataKey);
}
