using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Reporting.Intake.Flood;

/// <summary>
/// Short-lived tokens the server can check without storing them when issued: a purpose, the issue time (seconds) and
/// 16 random bytes, under an HMAC. Only a token that has been used is remembered, in the database until it expires, so
/// that it is good once on every host; flooding with fresh tokens costs the server nothing. Hosts behind one load
/// balancer share the HMAC key (<c>Intake:Flood:TokenKey</c>); without one, each process makes its own and its tokens
/// are good on it alone.
/// </summary>
public sealed class SignedTokens(TimeProvider clock, IOptions<IntakeOptions> options, ISpentTokens spent)
{
    private const int PayloadLength = 1 + 8 + 16;
    private const int MacLength = 16;
    private readonly byte[] _key = KeyFrom(options.Value.Flood.TokenKey);

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

    /// <summary>Marks a valid token used; false when it was used before, here or on another host.</summary>
    public Task<bool> TrySpendAsync(string token, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token), digest);
        // Kept to the hour after expiry: the database learns neither the token nor the second it was issued.
        var keepUntil = Sealing.Hour.Truncate(expiresAt) + TimeSpan.FromHours(1);
        return spent.TrySpendAsync(Base64Url.Encode(digest), keepUntil, cancellationToken);
    }

    private static byte[] KeyFrom(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return RandomNumberGenerator.GetBytes(32);
        if (!Base64Url.TryDecode(configured.Trim(), 32, out var key))
            throw new InvalidOperationException("Intake:Flood:TokenKey must be 32 bytes in base64url (43 characters).");
        return key;
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
