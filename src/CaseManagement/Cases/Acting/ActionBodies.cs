using Reporting.Cryptography.Hpke;
using System.Text;
using System.Text.Json;
using Reporting.CaseManagement.Cases.Closing;
using Reporting.CaseManagement.Cases.SendingMessage;
using NSec.Cryptography;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases.Acting;

/// <summary>
/// Turns an action's JSON body into its command. Most bodies are the command itself; the two that speak to the
/// informant carry only text, which is sealed here to the informant's mailbox key so that no clear copy is stored.
/// </summary>
internal static class ActionBodies
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record MessageBody(string? Body);

    private sealed record CloseBody(string? OutcomeForInformant);

    /// <summary>The command, or the problems with the body by field path.</summary>
    public static (object? Command, Dictionary<string, string[]>? Errors) Bind(CaseAction action, ReadOnlyMemory<byte> body, CaseState state)
    {
        try
        {
            var json = body.IsEmpty ? "{}"u8.ToArray() : body.ToArray();
            return action.CommandType switch
            {
                var type when type == typeof(SendMessage) => (SendMessageOf(JsonSerializer.Deserialize<MessageBody>(json, Json), state), null),
                var type when type == typeof(CloseCase) => (CloseCaseOf(JsonSerializer.Deserialize<CloseBody>(json, Json), state), null),
                var type => JsonSerializer.Deserialize(json, type, Json) is { } command
                    ? (command, null)
                    : (null, new Dictionary<string, string[]> { ["body"] = ["an action body is a JSON object"] }),
            };
        }
        catch (JsonException exception)
        {
            var path = exception.Path is { Length: > 2 } p ? p[2..] : "body";
            return (null, new Dictionary<string, string[]> { [path] = ["not valid JSON or of the wrong type"] });
        }
    }

    private static SendMessage SendMessageOf(MessageBody? body, CaseState state) =>
        new(body?.Body ?? "", Guid.NewGuid(), SealToMailbox(body?.Body, state));

    private static CloseCase CloseCaseOf(CloseBody? body, CaseState state) =>
        new(body?.OutcomeForInformant ?? "", Guid.NewGuid(), SealToMailbox(body?.OutcomeForInformant, state));

    /// <summary>Empty when there is nothing to seal or nobody to seal it to; the command's validation then says why.</summary>
    private static byte[] SealToMailbox(string? text, CaseState state)
    {
        if (string.IsNullOrEmpty(text) || state.MailboxPublicKey.Length != KeyAgreementAlgorithm.X25519.PublicKeySize)
            return [];
        var mailbox = PublicKey.Import(KeyAgreementAlgorithm.X25519, state.MailboxPublicKey, KeyBlobFormat.RawPublicKey);
        return HpkeEnvelope.Seal(mailbox, SealingInfo.Mailbox, Encoding.UTF8.GetBytes(text));
    }
}
