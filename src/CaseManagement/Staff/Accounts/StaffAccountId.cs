using System.Security.Cryptography;
using System.Text;

namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>
/// An account's stream id, derived from its username (name-based UUID, RFC 9562 version 8 over SHA-256), so that a
/// login finds the stream without any lookup table and two hosts creating the same user collide on the same stream.
/// </summary>
public static class StaffAccountId
{
    public static Guid For(string username)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("reporting.staff-account:" + username.ToLowerInvariant()), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
