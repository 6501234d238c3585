using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reporting.Disclosure.Canonical;
using Reporting.Disclosure.Notices;

namespace Reporting.Disclosure.Publication;

/// <summary>
/// The JSON object a published version is, signed and hashed as its RFC 8785 bytes: what the notice says, which notice
/// and version it is, what it corrects or withdraws, and when and by which organ it was published. Staff names are not
/// in it; who drafted and approved stays on the notice's stream.
/// </summary>
internal static class NoticeDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Schema(string origin) => origin + "/notice/v1";

    public static byte[] Canonical(string origin, NoticeState state, NoticeDraft draft, DateTimeOffset publishedAt)
    {
        object document = draft.RecordKind == RecordKind.Withdrawal
            ? new WithdrawalVersion(Schema(origin), state.NoticeId.ToString(), draft.Version, NoticeKind.Withdrawal,
                state.Published[^1].Version, draft.Reason!, draft.PublishingOrgan!, Time(publishedAt))
            : new ContentVersion(Schema(origin), state.NoticeId.ToString(), draft.Version, state.Kind, draft.Content!.Headline, draft.Content.Body,
                draft.Content.Subject, draft.Content.Violations, draft.Content.Characterization, draft.Content.LegalBasis, draft.Content.Sanctions,
                draft.Content.Authority, draft.Content.DecidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), draft.Content.PublishingOrgan,
                Time(publishedAt), draft.RecordKind == RecordKind.Correction ? new Correction(state.Published[^1].Version, draft.Reason!) : null);
        return CanonicalJson.Canonicalize(JsonSerializer.SerializeToElement(document, document.GetType(), Json));
    }

    /// <summary>Seconds, UTC, <c>Z</c>: one spelling of each instant, so that the bytes are the same wherever they are rebuilt.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed record ContentVersion(
        string Schema, string NoticeId, int Version, string Kind, string Headline, string Body, NoticeSubject Subject,
        IReadOnlyList<NoticeViolation> Violations, string? Characterization, string? LegalBasis, IReadOnlyList<NoticeSanction> Sanctions,
        string? Authority, string? DecidedOn, string PublishingOrgan, string PublishedAt, Correction? Corrects);

    private sealed record Correction(int Version, string Reason);

    private sealed record WithdrawalVersion(
        string Schema, string NoticeId, int Version, string Kind, int Withdraws, string Reason, string PublishingOrgan, string PublishedAt);
}
