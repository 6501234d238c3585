using System.Security.Cryptography;
using System.Text;
using Reporting.CaseManagement.Keys;
using NSec.Cryptography;

namespace Reporting.CaseManagement.Cases.Listing;

/// <summary>
/// The keyed blind index behind the case list's <c>q</c>: HMAC-SHA256 of a normalized accused name under a key that
/// never enters the database, so that the stored tokens reveal no name, yet an exact name finds its cases.
/// </summary>
public sealed class CaseSearchIndex
{
    private readonly byte[] _key;

    public CaseSearchIndex(OfficeKeys keys)
    {
        // The oldest key-encryption key, not the newest: the index must not change when the KEK rotates (a retired KEK
        // means rebuilding the case list: docs/decisions.md). XChaCha20 is a PRF of key and nonce, so its keystream under
        // a nonce reserved for this derivation is a key of its own; random 24-byte wrapping nonces never meet it.
        var kek = keys.All.Where(key => key.Purpose == OfficeKeyPurpose.KeyEncryption).MinBy(key => key.CreatedAt)
            ?? throw new InvalidOperationException("The key file holds no key-encryption key.");
        var aead = AeadAlgorithm.XChaCha20Poly1305;
        var nonce = SHA256.HashData(Encoding.UTF8.GetBytes("reporting/blind-index/nonce/v1")).AsSpan(0, aead.NonceSize);
        var keystream = aead.Encrypt(kek.Key, nonce, Encoding.UTF8.GetBytes("reporting/blind-index/v1"), new byte[32]);
        _key = keystream[..32];
    }

    public string AccusedToken(string name) => Token("accused", Normalize(name));

    private string Token(string kind, string value)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{kind}|{value}"));
        return Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Registers write names with stray spaces and mixed case (汉字 names with spaces between characters, Latin names in any case).</summary>
    public static string Normalize(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
