using Reporting.Cryptography.Hpke;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using Reporting.Intake.Contracts;
using Reporting.Intake.Sealing;
using NSec.Cryptography;

namespace Reporting.Intake.Tests.Http;

/// <summary>What the office does to a case in these tests: read its stream, open envelopes, reply, change the stage.</summary>
public static class OfficeSide
{
    public static async Task<IReadOnlyList<object>> EventsAsync(IntakeHost host, Guid caseId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(caseId)).Select(@event => @event.Data).ToArray();
    }

    /// <summary>An attachment as staff download it: the file's secretstream opened with the stream key from its envelope.</summary>
    public static async Task<byte[]> DownloadAsync(IntakeHost host, Guid caseId, AttachmentReceived attachment)
    {
        var stored = await File.ReadAllBytesAsync(Path.Combine(host.AttachmentDirectory, $"{attachment.AttachmentId:N}.sealed"));
        Assert.True(HpkeEnvelope.TryOpen(host.OfficeKey, SealingInfo.DataKey, attachment.Envelope.SealedDataKey, out var dataKeyBytes));
        using var dataKey = Key.Import(AeadAlgorithm.XChaCha20Poly1305, dataKeyBytes, KeyBlobFormat.RawSymmetricKey);
        var sealedKey = attachment.Envelope.Fields["streamKey"];
        var streamKey = AeadAlgorithm.XChaCha20Poly1305.Decrypt(dataKey, sealedKey.AsSpan(0, 24), Envelopes.AssociatedData(caseId, "streamKey"), sealedKey.AsSpan(24))!;
        var plaintext = new MemoryStream();
        Assert.True(Reporting.Cryptography.SecretStreams.SecretStream.TryDecrypt(new MemoryStream(stored), plaintext, streamKey));
        return plaintext.ToArray();
    }

    public static string Open(IntakeHost host, Guid caseId, SealedEnvelope envelope, string field)
    {
        Assert.Equal(IntakeHost.OfficeKeyId, envelope.SealingKeyId);
        Assert.True(HpkeEnvelope.TryOpen(host.OfficeKey, SealingInfo.DataKey, envelope.SealedDataKey, out var dataKeyBytes));
        using var dataKey = Key.Import(AeadAlgorithm.XChaCha20Poly1305, dataKeyBytes, KeyBlobFormat.RawSymmetricKey);
        var sealedField = envelope.Fields[field];
        var plaintext = AeadAlgorithm.XChaCha20Poly1305.Decrypt(dataKey, sealedField.AsSpan(0, 24), Envelopes.AssociatedData(caseId, field), sealedField.AsSpan(24));
        Assert.NotNull(plaintext);
        return Encoding.UTF8.GetString(plaintext);
    }

    public static async Task ReplyAsync(IntakeHost host, Guid caseId, string body, string? stage = null, bool isFeedback = false)
    {
        var submitted = (ReportSubmitted)(await EventsAsync(host, caseId))[0];
        var mailbox = PublicKey.Import(KeyAgreementAlgorithm.X25519, submitted.MailboxPublicKey, KeyBlobFormat.RawPublicKey);
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var events = new List<object>();
        if (stage is not null)
            events.Add(new InformantStageChanged(stage, DateTimeOffset.UtcNow));
        events.Add(new OfficeMessageSent(Guid.NewGuid(), HpkeEnvelope.Seal(mailbox, SealingInfo.Mailbox, Encoding.UTF8.GetBytes(body)), isFeedback, DateTimeOffset.UtcNow));
        await session.Events.AppendExclusive(caseId, [.. events]);
        await session.SaveChangesAsync();
    }
}
