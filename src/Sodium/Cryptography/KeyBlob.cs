using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Reporting.Sodium.Cryptography;

/// <summary>
/// Raw, NSec and PKIX blob layouts. Every layout is a fixed header followed by the key's seed or public key,
/// so one wrap and one unwrap serve them all; the PKIX text formats add PEM armour on top.
/// </summary>
internal static class KeyBlob
{
    private const string PrivateKeyLabel = "PRIVATE KEY";
    private const string PublicKeyLabel = "PUBLIC KEY";

    public static bool IsPublicFormat(KeyBlobFormat format) => format > KeyBlobFormat.None;

    public static bool IsRawFormat(KeyBlobFormat format) =>
        format is KeyBlobFormat.RawSymmetricKey or KeyBlobFormat.RawPrivateKey or KeyBlobFormat.RawPublicKey;

    public static byte[] HeaderFor(Algorithm algorithm, KeyBlobFormat format) => (algorithm.KeyKind, format) switch
    {
        (KeyKind.Symmetric, KeyBlobFormat.RawSymmetricKey) => [],
        (KeyKind.Symmetric, KeyBlobFormat.NSecSymmetricKey) => algorithm.NSecPrivateBlobHeader,
        (KeyKind.Asymmetric, KeyBlobFormat.RawPrivateKey or KeyBlobFormat.RawPublicKey) => [],
        (KeyKind.Asymmetric, KeyBlobFormat.NSecPrivateKey) => algorithm.NSecPrivateBlobHeader,
        (KeyKind.Asymmetric, KeyBlobFormat.NSecPublicKey) => algorithm.NSecPublicBlobHeader,
        (KeyKind.Asymmetric, KeyBlobFormat.PkixPrivateKey or KeyBlobFormat.PkixPrivateKeyText) => algorithm.PkixPrivateBlobHeader,
        (KeyKind.Asymmetric, KeyBlobFormat.PkixPublicKey or KeyBlobFormat.PkixPublicKeyText) => algorithm.PkixPublicBlobHeader,
        (KeyKind.None, _) => throw new NotSupportedException($"{algorithm.GetType().Name} does not use keys."),
        _ => throw new ArgumentException($"{algorithm.GetType().Name} keys do not support the {format} format.", nameof(format)),
    };

    public static byte[] Wrap(KeyBlobFormat format, ReadOnlySpan<byte> header, ReadOnlySpan<byte> body)
    {
        var binary = new byte[header.Length + body.Length];
        header.CopyTo(binary);
        body.CopyTo(binary.AsSpan(header.Length));
        if (format is not (KeyBlobFormat.PkixPrivateKeyText or KeyBlobFormat.PkixPublicKeyText))
        {
            return binary;
        }

        var text = PemEncoding.Write(LabelFor(format), binary);
        try
        {
            var blob = new byte[Encoding.ASCII.GetByteCount(text) + 1];
            Encoding.ASCII.GetBytes(text, blob);
            blob[^1] = (byte)'\n';
            return blob;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(binary);
            Array.Clear(text);
        }
    }

    /// <summary>Copies the body of a blob into <paramref name="body"/>; false when the blob is not in the format.</summary>
    public static bool TryUnwrap(KeyBlobFormat format, ReadOnlySpan<byte> blob, ReadOnlySpan<byte> header, Span<byte> body)
    {
        if (format is not (KeyBlobFormat.PkixPrivateKeyText or KeyBlobFormat.PkixPublicKeyText))
        {
            return TryUnwrapBinary(blob, header, body);
        }

        var text = ArrayPool<char>.Shared.Rent(blob.Length);
        var binary = ArrayPool<byte>.Shared.Rent(blob.Length);
        try
        {
            var length = Encoding.ASCII.GetChars(blob, text);
            if (!PemEncoding.TryFind(text.AsSpan(0, length), out var fields) ||
                !text.AsSpan(fields.Label).SequenceEqual(LabelFor(format)) ||
                !Convert.TryFromBase64Chars(text.AsSpan(fields.Base64Data), binary, out var written))
            {
                return false;
            }

            return TryUnwrapBinary(binary.AsSpan(0, written), header, body);
        }
        finally
        {
            text.AsSpan().Clear();
            CryptographicOperations.ZeroMemory(binary);
            ArrayPool<char>.Shared.Return(text);
            ArrayPool<byte>.Shared.Return(binary);
        }
    }

    private static bool TryUnwrapBinary(ReadOnlySpan<byte> blob, ReadOnlySpan<byte> header, Span<byte> body)
    {
        if (blob.Length != header.Length + body.Length || !blob.StartsWith(header))
        {
            return false;
        }

        blob[header.Length..].CopyTo(body);
        return true;
    }

    private static string LabelFor(KeyBlobFormat format) =>
        format == KeyBlobFormat.PkixPrivateKeyText ? PrivateKeyLabel : PublicKeyLabel;
}
