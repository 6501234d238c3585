using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.Log;
using Reporting.Disclosure.Notices.Approving;
using Reporting.Disclosure.Notices.Correcting;
using Reporting.Disclosure.Notices.Drafting;
using Reporting.Disclosure.Notices.Listing;
using Reporting.Disclosure.Notices.Publishing;
using Reporting.Disclosure.Notices.Rejecting;
using Reporting.Disclosure.Notices.Revising;
using Reporting.Disclosure.Notices.Withdrawing;
using Reporting.Disclosure.Publication;
using Reporting.Disclosure.TransparencyLog;
using Reporting.Storage.Conflicts;

namespace Reporting.Disclosure.Notices;

/// <summary>
/// The publishers' and approvers' routes: draft a notice from a case, revise it, approve or reject it (never one's
/// own), publish it, correct or withdraw it. Each action is decided on the notice's stream as it stands and appended
/// with the version it was decided on; publishing also appends the log's next entry and signs the next checkpoint, in
/// the same transaction. Every action, done or refused, goes on the staff audit trail.
/// </summary>
internal static class NoticeStaffEndpoints
{
    private const int MaximumBodyBytes = 128 * 1024;
    private const int Attempts = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly NoticeContentValidator ContentValidator = new();
    private static readonly DraftNoticeRequestValidator DraftValidator = new();

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/notices").WithTags("Notices (staff)");
        staff.MapPost("", DraftAsync).RequireAuthorization(StaffAccess.NoticePublishers).Accepts<DraftNoticeRequest>("application/json");
        staff.MapGet("/prefill", PrefillAsync).RequireAuthorization(StaffAccess.NoticePublishers);
        staff.MapGet("/drafts", DraftsAsync).RequireAuthorization(StaffAccess.NoticeStaff);
        staff.MapGet("/{noticeId:guid}/staff", StaffViewAsync).RequireAuthorization(StaffAccess.NoticeStaff);
        staff.MapPost("/{noticeId:guid}/actions/{action}", ActAsync).RequireAuthorization(StaffAccess.NoticeStaff).Accepts<object>("application/json");
    }

    private static async Task<IResult> DraftAsync(
        HttpContext http, IDocumentStore store, IDisclosableCases cases, IStaffAudit audit, IOptions<DisclosureOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var username = StaffAccess.Username(http.User)!;
        if (await ReadAsync(http.Request, cancellationToken) is not { } body)
            return BadBody();
        var request = Bind<DraftNoticeRequest>(body);
        var contentBody = Bind<ContentBody>(body);
        if (request is null || contentBody is null || contentBody.Subject is null)
            return BadBody();
        if (DraftValidator.Validate(request) is { IsValid: false } invalidRequest)
            return NoticeProblems.Invalid(invalidRequest);
        var content = contentBody.Content(options.Value.PublishingOrgan);
        if (ContentValidator.Validate(content) is { IsValid: false } invalidContent)
            return NoticeProblems.Invalid(invalidContent);

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
            return NoticeProblems.Of(refused.Refusal);
        }
        await audit.RecordAsync(username, "notice-action:draft", request.CaseId, "succeeded", noticeId.ToString(), cancellationToken);
        return TypedResults.Created($"/api/notices/{noticeId}/staff", new { noticeId });
    }

    /// <summary><c>GET /api/notices/prefill?caseId=&amp;kind=</c>: a draft filled in from the case's decision, for the publisher to edit.</summary>
    private static async Task<IResult> PrefillAsync(
        Guid? caseId, string? kind, HttpContext http, IDisclosableCases cases, IOptions<DisclosureOptions> options, CancellationToken cancellationToken)
    {
        kind ??= NoticeKind.Sanction;
        if (caseId is not { } id || !NoticeKind.Drafted.Contains(kind))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["caseId"] = ["a case id, and a kind: sanction, clarification or case-filed"] });
        var facts = await cases.ReadForNoticeAsync(id, StaffAccess.Username(http.User)!, cancellationToken);
        if (facts is null)
            return NoticeProblems.NotFound("No such case.");
        try
        {
            DraftNoticeDecider.RefuseUnlessCaseAllows(facts, kind);
        }
        catch (NoticeRefusedException refused)
        {
            return NoticeProblems.Of(refused.Refusal);
        }
        return TypedResults.Ok(NoticePrefill.From(facts, kind, options.Value.PublishingOrgan));
    }

    private static async Task<IResult> DraftsAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var drafts = await session.Query<NoticeSummary>().Where(summary => summary.DraftStatus != null).OrderBy(summary => summary.Id).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(drafts.Select(summary => new
        {
            noticeId = summary.Id, summary.CaseId, summary.Kind, version = summary.DraftVersion, recordKind = summary.DraftRecordKind,
            status = summary.DraftStatus, draftedBy = summary.DraftedBy, headline = summary.DraftContent?.Headline ?? summary.Content?.Headline,
        }));
    }

    private static async Task<IResult> StaffViewAsync(Guid noticeId, IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var state = await session.Events.AggregateStreamAsync<NoticeState>(noticeId, token: cancellationToken);
        return state is null ? NoticeProblems.NotFound("No such notice.") : TypedResults.Ok(NoticeStaffView.Of(state));
    }

    private static async Task<IResult> ActAsync(
        Guid noticeId, string action, HttpContext http, IDocumentStore store, IAuthorizationService authorization, IDisclosableCases cases, IStaffAudit audit,
        DisclosureKeyring keyring, LogView log, IOptions<DisclosureOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var username = StaffAccess.Username(http.User)!;
        var policy = action switch
        {
            "approve" or "reject" => StaffAccess.NoticeApprovers,
            "revise" or "publish" or "correct" or "withdraw" => StaffAccess.NoticePublishers,
            _ => null,
        };
        if (policy is null)
            return NoticeProblems.NotFound($"There is no notice action '{action}'.");
        if (!(await authorization.AuthorizeAsync(http.User, policy)).Succeeded)
        {
            await audit.RecordAsync(username, "notice-action:" + action, null, "refused", $"{noticeId} role", cancellationToken);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: policy == StaffAccess.NoticeApprovers ? "Only an approver approves or rejects a notice." : "Only a publisher does this to a notice.");
        }
        if (await ReadAsync(http.Request, cancellationToken) is not { } body)
            return BadBody();
        var expectedVersion = ExpectedVersion(http.Request);
        if (expectedVersion is -1)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["If-Match"] = ["a notice version in quotes: \"3\""] });

        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<NoticeState>(noticeId, cancellationToken);
            if (stream.Aggregate is not { } state)
                return NoticeProblems.NotFound("No such notice.");
            if (expectedVersion is { } expected && expected != state.Version)
                return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed",
                    detail: $"The notice is at version {state.Version}, not {expected}: reload it and decide again.");
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
                            return BadBody();
                        var content = contentBody.Content(options.Value.PublishingOrgan);
                        if (ContentValidator.Validate(content) is { IsValid: false } invalid)
                            return NoticeProblems.Invalid(invalid);
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
                        await AppendPublicationAsync(session, stream, state, keyring, log, username, now, cancellationToken);
                        break;
                }
            }
            catch (NoticeRefusedException refused)
            {
                await audit.RecordAsync(username, "notice-action:" + action, state.CaseId, "refused", $"{noticeId} {refused.Refusal.Kind}", cancellationToken);
                return NoticeProblems.Of(refused.Refusal);
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
                return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed",
                    detail: "The notice changed while the action was being decided: reload it and decide again.");
            }
            if (action == "publish")
                log.Invalidate();
            await audit.RecordAsync(username, "notice-action:" + action, state.CaseId, "succeeded", noticeId.ToString(), cancellationToken);
            loggers.CreateLogger(typeof(NoticeStaffEndpoints).FullName!).LogInformation("Notice {NoticeId}: {Action} by {Username}", noticeId, action, username);
            var after = await session.Events.AggregateStreamAsync<NoticeState>(noticeId, token: cancellationToken);
            http.Response.Headers.ETag = $"\"{after!.Version}\"";
            return TypedResults.Ok(NoticeStaffView.Of(after));
        }
    }

    /// <summary>The notice's next version and the log's next entry, and the checkpoint of the log that includes it.</summary>
    private static async Task AppendPublicationAsync(
        IDocumentSession session, JasperFx.Events.IEventStream<NoticeState> notice, NoticeState state, DisclosureKeyring keyring, LogView log,
        string username, DateTimeOffset now, CancellationToken cancellationToken)
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

    /// <summary>The version named by <c>If-Match</c>, null without one, -1 for one that names none.</summary>
    private static long? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (header.Length == 0)
            return null;
        return header.Length > 2 && header[0] == '"' && header[^1] == '"' && long.TryParse(header[1..^1], out var version) && version > 0 ? version : -1;
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

    private static IResult BadBody() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["body"] = [$"a JSON object of at most {MaximumBodyBytes} bytes, as the API description shows"] });

    private static async Task<JsonElement?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaximumBodyBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaximumBodyBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            return JsonDocument.Parse("{}").RootElement.Clone();
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
