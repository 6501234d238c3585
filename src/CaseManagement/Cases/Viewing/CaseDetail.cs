using System.Reflection;
using System.Text;
using System.Text.Json;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Cases.Registering;
using JasperFx.Events;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases.Viewing;

/// <summary>
/// The case detail of the HTTP contract, with what the informant sent opened for the reader, and the office's messages
/// from the office's own copies (the feedback at closing from the case's closing record).
/// </summary>
/// <param name="Report">The report as the informant wrote it; null when the case went up because it accuses this organ's head.</param>
/// <param name="Identity">
/// The real-name informant's identity (<c>{ name, phone, email, idNumber, address }</c>), opened only for a reader who
/// holds a grant (<see cref="CaseState.MayReadIdentity"/>); null for everyone else, who see only <paramref name="RealName"/>.
/// </param>
/// <param name="CaseNumber">The case number (案件编号) given at registration; null before it.</param>
public sealed record CaseDetail(
    Guid CaseId,
    string? CaseNumber,
    string Stage,
    long Version,
    string InformantStage,
    bool RealName,
    DateTimeOffset ReceivedAt,
    JsonElement? Report,
    JsonElement? Identity,
    IReadOnlyList<AccusedPerson> Accused,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Assignees,
    PendingProposalView? PendingProposal,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<CaseMessage> Messages,
    IReadOnlyList<CaseAttachment> Attachments,
    int OpenProtectionRequests,
    IReadOnlyList<HistoryEntry> History)
{
    public static CaseDetail Of(IReadOnlyList<IEvent> events, Actor reader, DateOnly today, OfficeEnvelopes envelopes)
    {
        var state = CaseState.Rebuild(events.Select(e => e.Data));
        var submitted = (ReportSubmitted)events[0].Data;
        var hidden = state.Bypassed;
        var messages = new List<CaseMessage>();
        var attachments = new List<CaseAttachment>();
        // The office's copy of a message, or the closing record of a feedback, comes in the same decision just before it.
        (string? Body, string? By) written = default;
        if (!hidden)
            foreach (var @event in events)
                switch (@event.Data)
                {
                    case InformantMessageReceived received:
                        messages.Add(new CaseMessage(received.MessageId, "informant", received.ReceivedAt,
                            Text(envelopes.Open(received.Message, state.CaseId, "body"), "body"), null));
                        break;
                    case OfficeMessageWritten copy:
                        written = (copy.Body.Value, copy.By);
                        break;
                    case CaseClosed closed:
                        written = (closed.OutcomeForInformant.Value, closed.By);
                        break;
                    case OfficeMessageSent sent:
                        messages.Add(new CaseMessage(sent.MessageId, sent.IsFeedback ? "office-feedback" : "office", sent.SentAt, written.Body, written.By));
                        written = default;
                        break;
                    case AttachmentReceived attachment:
                        var fields = envelopes.Open(attachment.Envelope, state.CaseId, "fileName", "contentType");
                        attachments.Add(new CaseAttachment(attachment.AttachmentId, Text(fields, "fileName"), Text(fields, "contentType"),
                            attachment.Size, attachment.RemovedMetadata, attachment.ReceivedAt));
                        break;
                }

        return new CaseDetail(
            state.CaseId,
            state.Number,
            state.Stage,
            state.Version,
            state.InformantStage,
            state.IsRealName,
            state.ReceivedAt,
            hidden ? null : ReportOf(submitted, envelopes),
            !hidden && state.MayReadIdentity(reader.Username) ? IdentityOf(submitted, envelopes) : null,
            hidden ? [] : state.RegisteredAccused,
            hidden ? [] : state.Registration?.Categories ?? [],
            state.Assignees,
            state.PendingProposal is { } pending
                ? new PendingProposalView(pending.Number, pending.Kind, pending.ProposedBy, pending.Proposal.RequiredApprovals, pending.ApprovedBy)
                : null,
            DeadlineView.Of(state, today),
            CaseActions.Allowed(state, reader),
            messages,
            attachments,
            state.OpenProtectionRequests,
            [.. events.Select(HistoryEntry.Of)]);
    }

    private static JsonElement? ReportOf(ReportSubmitted submitted, OfficeEnvelopes envelopes)
    {
        var opened = envelopes.Open(submitted.Report, submitted.CaseId, "report");
        return opened?.GetValueOrDefault("report") is { } json ? JsonSerializer.Deserialize<JsonElement>(json) : null;
    }

    private static JsonElement? IdentityOf(ReportSubmitted submitted, OfficeEnvelopes envelopes)
    {
        var opened = submitted.Identity is { } identity ? envelopes.Open(identity, submitted.CaseId, "identity") : null;
        return opened?.GetValueOrDefault("identity") is { } json ? JsonSerializer.Deserialize<JsonElement>(json) : null;
    }

    private static string? Text(IReadOnlyDictionary<string, byte[]>? fields, string name) =>
        fields?.GetValueOrDefault(name) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
}

public sealed record PendingProposalView(int Number, string Kind, string ProposedBy, int RequiredApprovals, IReadOnlyList<string> ApprovedBy);

/// <param name="From">"informant", "office" or "office-feedback".</param>
/// <param name="Body">
/// The text opened for the reader: the informant's from the office envelope, the office's from its own copy. Null when
/// the case's key was shredded, or for office messages sent before the office kept copies.
/// </param>
/// <param name="By">Who on the staff wrote an office message; null for the informant's.</param>
public sealed record CaseMessage(Guid MessageId, string From, DateTimeOffset At, string? Body, string? By);

public sealed record CaseAttachment(Guid AttachmentId, string? FileName, string? ContentType, long Size, IReadOnlyList<string> RemovedMetadata, DateTimeOffset ReceivedAt);

/// <summary>One event of the case, named and dated, with who caused it when staff did: never its content.</summary>
public sealed record HistoryEntry(long Version, string Event, DateTimeOffset At, string? By)
{
    public static HistoryEntry Of(IEvent @event) =>
        new(@event.Version, @event.EventTypeName, @event.Timestamp, ByOf(@event.Data));

    /// <summary>Who caused it: the staff member named by the event, or who recused themselves.</summary>
    private static string? ByOf(object data) => data is StaffRecused recused ? recused.Username :
        data.GetType().GetProperty("By", BindingFlags.Public | BindingFlags.Instance)?.GetValue(data) as string;
}
