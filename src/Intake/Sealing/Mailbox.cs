using Reporting.Cryptography.Hpke;
using System.Security.Cryptography;
using Reporting.Intake.Receipts;
using NSec.Cryptography;
using Reporting.Intake.Contracts;

namespace Reporting.Intake.Sealing;

/// <summary>
/// The informant's mailbox: an X25519 key pair whose private scalar is derived from the receipt and never stored.
/// Office replies are sealed to its public key, so the database alone cannot read the conversation.
/// </summary>
public sealed class Mailbox : IDisposable
{
    private readonly Key _key;

    private Mailbox(Key key) => _key = key;

    public static Mailbox For(ReceiptCode receipt)
    {
        var seed = ReceiptKeys.MailboxSeed(receipt);
        try
        {
            return new Mailbox(Key.Import(KeyAgreementAlgorithm.X25519, seed, KeyBlobFormat.RawPrivateKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    public byte[] PublicKey => _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

    public byte[] Seal(ReadOnlySpan<byte> plaintext) => HpkeEnvelope.Seal(_key.PublicKey, SealingInfo.Mailbox, plaintext);

    /// <summary>Null when the box was not sealed to this mailbox or was altered.</summary>
    public byte[]? Open(ReadOnlySpan<byte> envelope) => HpkeEnvelope.TryOpen(_key, SealingInfo.Mailbox, envelope, out var plaintext) ? plaintext : null;

    public void Dispose() => _key.Dispose();
}
