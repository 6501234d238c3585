using System.Security.Claims;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.Log;
using Reporting.Disclosure.Notices.Approving;
using Reporting.Disclosure.Notices.Correcting;
using Reporting.Disclosure.Notices.Drafting;
using Reporting.Disclosure.Notices.Publishing;
using Reporting.Disclosure.Notices.Rejecting;
using Reporting.Disclosure.Notices.Revising;
using Reporting.Disclosure.Notices.Withdrawing;
using Reporting.Disclosure.Publication;
using Reporting.Disclosure.TransparencyLog;
using Reporting.Storage.Conflicts;

namespace Reporting.Disclosure.Notices;

/// <summary>How a notice action ended, for the API and the workbench to answer each in their own way.</summary>
public abstract record NoticeOutcome
{
    public sealed record Drafted(Guid NoticeId) : NoticeOutcome;
    public sealed record Done(NoticeStaffView View) : NoticeOutcome;
    public sealed record BadBody : NoticeOutcome;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : NoticeOutcome;
    public sealed record Refused(NoticeRefusal Refusal) : NoticeOutcome;
    public sealed record Forbidden(string Detail) : NoticeOutcome;
    public sealed record NotFound(string Detail) : NoticeOutcome;
    public sealed record Stale(string Detail) : NoticeOutcome;
}

/// <summary>
/// Drafting a notice and every action on one, decided on the notice's stream as it stands and appended with the
/// version it was decided on; publishing also appends the log's next entry and signs the next checkpoint, in the same
/// transaction. Every action, done or refused, goes on the staff audit trail. The API and the workbench both come here.
/// </summary>
internal sealed class NoticeActing(
    IDocumentStore store, IAuthorizationService authorization, IDisclosableCases cases, IStaffAudit audit,
    DisclosureKeyring keyring, LogView log, IOptions<DisclosureOptions> options, TimeProvider time, Telemetry.DisclosureMetrics metrics, ILogger<NoticeActing> logger)
{
    public const int MaximumBodyBytes = 128 * 1024;
    private const int Attempts = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly NoticeContentValidator ContentValidator = new();
    private static readonly DraftNoticeRequestValidator DraftValidator = new();

    /// <summary>A new notice's first draft, from a case that allows one.</summary>
    public async Task<NoticeOutcome> DraftAsync(JsonElement body, string username, CancellationToken cancellationToken)
    {
        var request = Bind<DraftNoticeRequest>(body);
        var contentBody = Bind<ContentBody>(body);
        if (request is null || contentBody is null || contentBody.Subject is null)
            return new NoticeOutcome.BadBody();
        if (DraftValidator.Validate(request) is { IsValid: false } invalidRequest)
            return new NoticeOutcome.Invalid(NoticeProblems.ErrorsOf(invalidRequest));
        var content = contentBody.Content(options.Value.PublishingOrgan);
        if (ContentValidator.Validate(content) is { IsValid: false } invalidContent)
            return new NoticeOutcome.Invalid(NoticeProblems.ErrorsOf(invalidContent));

        var noticeId = Guid.NewGuid();
        try
        {
            var facts = await cases.ReadForNoticeAsync(request.CaseId, username, cancellationToken);
            var found = facts is null ? [] : await cases.InformantFieldsFoundInAsync(request.CaseId, [.. content.Texts()], cancellationToken);
            var drafted = DraftNoticeDecider.Decide(noticeId, facts, request.Kind, content, found, username, time.GetUtcNow());
            await using var session = store.LightweightSession();
            session.Events.StartStream<NoticeState>(noticeId, drafted);
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (NoticeRefusedException refused)
        {
            await audit.RecordAsync(username, "notice-action:draft", request.CaseId, "refused", refused.Refusal.Kind.ToString(), cancellationToken);
            return new NoticeOutcome.Refused(refused.Refusal);
        }
        await audit.RecordAsync(username, "notice-action:draft", request.CaseId, "succeeded", noticeId.ToString(), cancellationToken);
        return new NoticeOutcome.Drafted(noticeId);
    }

    /// <summary>The action's role: approvers approve and reject, publishers do the rest; null for no such action.</summary>
    public static string? PolicyFor(string action) => action switch
    {
        "approve" or "reject" => StaffAccess.NoticeApprovers,
        "revise" or "publish" or "correct" or "withdraw" => StaffAccess.NoticePublishers,
        _ => null,
    };

    /// <param name="expectedVersion">The version the actor saw; without one, a lost race is decided again on the new state.</param>
    public async Task<NoticeOutcome> ActAsync(Guid noticeId, string action, JsonElement body, long? expectedVersion, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var username = StaffAccess.Username(user)!;
        if (PolicyFor(action) is not { } policy)
            return new NoticeOutcome.NotFound($"There is no notice action '{action}'.");
        if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
        {
            await audit.RecordAsync(username, "notice-action:" + action, null, "refused", $"{noticeId} role", cancellationToken);
            return new NoticeOutcome.Forbidden(policy == StaffAccess.NoticeApprovers ? "Only an approver approves or rejects a notice." : "Only a publisher does this to a notice.");
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<NoticeState>(noticeId, cancellationToken);
            if (stream.Aggregate is not { } state)
                return new NoticeOutcome.NotFound("No such notice.");
            if (expectedVersion is { } expected && expected != state.Version)
                return new NoticeOutcome.Stale($"The notice is at version {state.Version}, not {expected}: reload it and decide again.");
            var now = time.GetUtcNow();
            try
            {
                switch (action)
                {
                    case "approve":
                        stream.AppendOne(ApproveDraftDecider.Decide(state, Bind<ApproveBody>(body)?.Comment, username, now));
                        break;
                    case "reject":
                        stream.AppendOne(RejectDraftDecider.Decide(state, Bind<RejectBody>(body)?.Reason ?? "", username, now));
                        break;
                    case "revise":
                    case "correct":
                        if (Bind<ContentBody>(body) is not { Subject: not null } contentBody)
                            return new NoticeOutcome.BadBody();
                        var content = contentBody.Content(options.Value.PublishingOrgan);
                        if (ContentValidator.Validate(content) is { IsValid: false } invalid)
                            return new NoticeOutcome.Invalid(NoticeProblems.ErrorsOf(invalid));
                        DraftNoticeDecider.RefuseInformantText(await cases.InformantFieldsFoundInAsync(state.CaseId, [.. content.Texts()], cancellationToken));
                        stream.AppendOne(action == "revise"
                            ? ReviseDraftDecider.Decide(state, content, username, now)
                            : CorrectNoticeDecider.Decide(state, content, contentBody.Reason ?? "", username, now));
                        break;
                    case "withdraw":
                        var withdrawal = Bind<WithdrawBody>(body);
                        stream.AppendOne(WithdrawNoticeDecider.Decide(state, withdrawal?.Reason ?? "",
                            string.IsNullOrWhiteSpace(withdrawal?.PublishingOrgan) ? options.Value.PublishingOrgan : withdrawal.PublishingOrgan.Trim(), username, now));
                        break;
                    case "publish":
                        await AppendPublicationAsync(session, stream, state, username, now, cancellationToken);
                        break;
                }
            }
            catch (NoticeRefusedException refused)
            {
                await audit.RecordAsync(username, "notice-action:" + action, state.CaseId, "refused", $"{noticeId} {refused.Refusal.Kind}", cancellationToken);
                return new NoticeOutcome.Refused(refused.Refusal);
            }
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (Exception conflict) when (WriteRaces.Lost(conflict) && attempt < Attempts && expectedVersion is null)
            {
                // Another action on this notice, or another publication taking the same log index: decide again.
                continue;
            }
            catch (Exception conflict) when (WriteRaces.Lost(conflict))
            {
                return new NoticeOutcome.Stale("The notice changed while the action was being decided: reload it and decide again.");
            }
            if (action == "publish")
                log.Invalidate();
            if (action is "publish" or "correct" or "withdraw")
                metrics.Published(action);
            await audit.RecordAsync(username, "notice-action:" + action, state.CaseId, "succeeded", noticeId.ToString(), cancellationToken);
            logger.LogInformation("Notice {NoticeId}: {Action} by {Username}", noticeId, action, username);
            var after = await session.Events.AggregateStreamAsync<NoticeState>(noticeId, token: cancellationToken);
            return new NoticeOutcome.Done(NoticeStaffView.Of(after!));
        }
    }

    /// <summary>The notice's next version and the log's next entry, and the checkpoint of the log that includes it.</summary>
    private async Task AppendPublicationAsync(
        IDocumentSession session, JasperFx.Events.IEventStream<NoticeState> notice, NoticeState state, string username, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!keyring.CanSign)
            throw NoticeRefusedException.Conflict("This host holds no notice or log signing key: nothing can be published until the key ceremony adds them.");
        var logStream = await session.Events.FetchForWriting<NoticeLogHead>(NoticeLog.StreamId, cancellationToken);
        var index = logStream.Aggregate?.Size ?? 0;
        var (noticeKey, noticeKeyId) = keyring.NoticeKey();
        var (published, entry) = PublishDraftDecider.Decide(state, keyring.Origin, noticeKey, noticeKeyId, index, username, now);
        var leafHashes = (await log.LeafHashesAsync(session, index, cancellationToken)).Append(entry.LeafHash).ToList();
        var checkpoint = new Checkpoint(keyring.Origin, index + 1, MerkleTree.RootHash(leafHashes));
        notice.AppendOne(published);
        logStream.AppendOne(entry);
        session.Store(new SignedCheckpoint { Id = index + 1, Note = SignedNote.Sign(checkpoint.ToNoteText(), keyring.CheckpointSigners(now)), SignedAt = now });
    }

    private static T? Bind<T>(JsonElement body) where T : class
    {
        try
        {
            return body.Deserialize<T>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
