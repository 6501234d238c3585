using System.Security.Cryptography;
using System.Text;

namespace Reporting.Intake.Receipts;

/// <summary>
/// What the receipt unlocks, derived with HKDF-SHA256 under distinct labels: the lookup id stored with the case, and
/// the seed of the informant's X25519 mailbox key pair. 95 random bits need no slow hash (nobody can search them), and
/// neither value tells anything about the other or about the receipt.
/// </summary>
public static class ReceiptKeys
{
    private static readonly byte[] Salt = "reporting/intake/receipt/v1"u8.ToArray();
    private static readonly byte[] LookupLabel = "lookup-id"u8.ToArray();
    private static readonly byte[] MailboxLabel = "mailbox-seed"u8.ToArray();
    private static readonly byte[] CaseLabel = "case-stream-id"u8.ToArray();

    /// <summary>base64url of 32 bytes: what <c>ReportSubmitted.ReceiptLookupId</c> holds.</summary>
    public static string LookupId(ReceiptCode receipt)
    {
        Span<byte> id = stackalloc byte[32];
        Derive(receipt, LookupLabel, id);
        return Convert.ToBase64String(id).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// The id of the case stream: found from the receipt without any index table (a table row would carry the exact
    /// time it was written), and as unpredictable as a random version-4 id to anyone without the receipt.
    /// </summary>
    public static Guid CaseId(ReceiptCode receipt)
    {
        Span<byte> id = stackalloc byte[16];
        Derive(receipt, CaseLabel, id);
        id[7] = (byte)((id[7] & 0x0F) | 0x40);
        id[8] = (byte)((id[8] & 0x3F) | 0x80);
        return new Guid(id);
    }

    /// <summary>The 32-byte private scalar of the mailbox key pair; the caller zeroes it after use.</summary>
    public static byte[] MailboxSeed(ReceiptCode receipt)
    {
        var seed = new byte[32];
        Derive(receipt, MailboxLabel, seed);
        return seed;
    }

    private static void Derive(ReceiptCode receipt, byte[] label, Span<byte> output)
    {
        Span<byte> secret = stackalloc byte[ReceiptCode.Length];
        Encoding.ASCII.GetBytes(receipt.Canonical, secret);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, output, Salt, label);
        CryptographicOperations.ZeroMemory(secret);
    }
}
