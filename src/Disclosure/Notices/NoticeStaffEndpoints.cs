using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.Notices.Drafting;
using Reporting.Disclosure.Notices.Listing;

namespace Reporting.Disclosure.Notices;

/// <summary>
/// The publishers' and approvers' API: draft a notice from a case, revise it, approve or reject it (never one's own),
/// publish it, correct or withdraw it, all through <see cref="NoticeActing"/>; and the views of drafts and notices.
/// </summary>
internal static class NoticeStaffEndpoints
{


    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/notices").WithTags("Notices (staff)");
        staff.MapPost("", DraftAsync).RequireAuthorization(StaffAccess.NoticePublishers).Accepts<DraftNoticeRequest>("application/json");
        staff.MapGet("/prefill", PrefillAsync).RequireAuthorization(StaffAccess.NoticePublishers);
        staff.MapGet("/drafts", DraftsAsync).RequireAuthorization(StaffAccess.NoticeStaff);
        staff.MapGet("/{noticeId:guid}/staff", StaffViewAsync).RequireAuthorization(StaffAccess.NoticeStaff);
        staff.MapPost("/{noticeId:guid}/actions/{action}", ActAsync).RequireAuthorization(StaffAccess.NoticeStaff).Accepts<object>("application/json");
    }

    private static async Task<IResult> DraftAsync(HttpContext http, NoticeActing acting, CancellationToken cancellationToken) =>
        await ReadAsync(http.Request, cancellationToken) is { } body
            ? NoticeProblems.Of(await acting.DraftAsync(body, StaffAccess.Username(http.User)!, cancellationToken))
            : NoticeProblems.Of(new NoticeOutcome.BadBody());

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

    private static async Task<IResult> ActAsync(Guid noticeId, string action, HttpContext http, NoticeActing acting, CancellationToken cancellationToken)
    {
        if (NoticeActing.PolicyFor(action) is null)
            return NoticeProblems.NotFound($"There is no notice action '{action}'.");
        if (await ReadAsync(http.Request, cancellationToken) is not { } body)
            return NoticeProblems.Of(new NoticeOutcome.BadBody());
        var expectedVersion = ExpectedVersion(http.Request);
        if (expectedVersion is -1)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["If-Match"] = ["a notice version in quotes: \"3\""] });
        var outcome = await acting.ActAsync(noticeId, action, body, expectedVersion, http.User, cancellationToken);
        if (outcome is not NoticeOutcome.Done done)
            return NoticeProblems.Of(outcome);
        http.Response.Headers.ETag = $"\"{done.View.Version}\"";
        return TypedResults.Ok(done.View);
    }

    /// <summary>The version named by <c>If-Match</c>, null without one, -1 for one that names none.</summary>
    private static long? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (header.Length == 0)
            return null;
        return header.Length > 2 && header[0] == '"' && header[^1] == '"' && long.TryParse(header[1..^1], out var version) && version > 0 ? version : -1;
    }

    private static async Task<JsonElement?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > NoticeActing.MaximumBodyBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > NoticeActing.MaximumBodyBytes)
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
