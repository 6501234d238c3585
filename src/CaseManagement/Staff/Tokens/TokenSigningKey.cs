using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>One P-256 key that signs staff tokens, named by its <c>kid</c>.</summary>
public sealed class TokenSigningKey : IDisposable
{
    private TokenSigningKey(string keyId, ECDsa key, DateTimeOffset createdAt)
    {
        KeyId = keyId;
        Key = key;
        CreatedAt = createdAt;
        SecurityKey = new ECDsaSecurityKey(key) { KeyId = keyId };
    }

    public string KeyId { get; }

    public DateTimeOffset CreatedAt { get; }

    public ECDsaSecurityKey SecurityKey { get; }

    private ECDsa Key { get; }

    public static TokenSigningKey Generate(DateTimeOffset now) =>
        new($"jwt-{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}", ECDsa.Create(ECCurve.NamedCurves.nistP256), now);

    public static TokenSigningKey Import(string keyId, ReadOnlySpan<byte> pkcs8PrivateKey, DateTimeOffset createdAt)
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8PrivateKey, out _);
        return new TokenSigningKey(keyId, key, createdAt);
    }

    /// <summary>The private key for storage; the caller wraps it under the key-encryption key at once.</summary>
    public byte[] ExportPkcs8() => Key.ExportPkcs8PrivateKey();

    /// <summary>The public point, for the JWKS document.</summary>
    public ECParameters PublicParameters() => Key.ExportParameters(includePrivateParameters: false);

    public void Dispose() => Key.Dispose();
}
