using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Reporting.Intake.Flood;

/// <summary>
/// Short-lived tokens the server can check without storing them when issued: a purpose, the issue time (seconds) and
/// 16 random bytes, under an HMAC with a key that lives only in this process. Only a token that has been used is
/// remembered, until it expires, so that it is good once; flooding with fresh tokens costs the server no memory.
/// </summary>
public sealed class SignedTokens(TimeProvider clock)
{
    private const int PayloadLength = 1 + 8 + 16;
    private const int MacLength = 16;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, long> _spent = new(StringComparer.Ordinal);
    private long _nextSweep;

    public string Issue(TokenPurpose purpose)
    {
        Span<byte> token = stackalloc byte[PayloadLength + MacLength];
        token[0] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(token[1..9], clock.GetUtcNow().ToUnixTimeSeconds());
        RandomNumberGenerator.Fill(token[9..PayloadLength]);
        HMACSHA256.HashData(_key, token[..PayloadLength])[..MacLength].CopyTo(token[PayloadLength..]);
        return Base64Url.Encode(token);
    }

    /// <summary>The issue time of a token this process issued for this purpose, or null.</summary>
    public DateTimeOffset? IssuedAt(string? token, TokenPurpose purpose)
    {
        if (token is null || !Base64Url.TryDecode(token, PayloadLength + MacLength, out var bytes) || bytes[0] != (byte)purpose)
            return null;
        var mac = HMACSHA256.HashData(_key, bytes.AsSpan(0, PayloadLength));
        if (!CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, MacLength), bytes.AsSpan(PayloadLength)))
            return null;
        return DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1, 8)));
    }

    /// <summary>Marks a valid token used; false when it was used before.</summary>
    public bool TrySpend(string token, DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (Interlocked.Read(ref _nextSweep) <= now)
        {
            Interlocked.Exchange(ref _nextSweep, now + 60);
            foreach (var (spent, expiry) in _spent)
                if (expiry < now)
                    _spent.TryRemove(spent, out _);
        }
        return _spent.TryAdd(token, expiresAt.ToUnixTimeSeconds());
    }
}

public enum TokenPurpose : byte
{
    ProofOfWorkChallenge = 1,
    PortalForm = 2,
}

internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string text, int expectedLength, out byte[] bytes)
    {
        bytes = new byte[expectedLength];
        if (text.Length != (expectedLength * 4 + 2) / 3)
            return false;
        var padded = text.Replace('-', '+').Replace('_', '/').PadRight((text.Length + 3) / 4 * 4, '=');
        return Convert.TryFromBase64String(padded, bytes, out var written) && written == expectedLength;
    }
}
