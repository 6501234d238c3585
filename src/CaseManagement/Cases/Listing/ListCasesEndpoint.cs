using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Registering;
using Reporting.CaseManagement.Staff.Audit;
using Reporting.CaseManagement.Staff.Authorization;
using Marten;
using Marten.Pagination;

namespace Reporting.CaseManagement.Cases.Listing;

/// <summary>
/// <c>GET /api/cases</c>: the cases a staff member may see, newest first, filtered by stage, assignment, overdue
/// deadlines and an exact case id or accused name. Titles are opened for the caller; the read is audited.
/// </summary>
public static class ListCasesEndpoint
{
    public const int DefaultPageSize = 20;
    public const int MaximumPageSize = 100;

    public sealed record CaseListQuery(string? Stage, string? AssignedTo, bool? Overdue, string? Q, int? Page, int? PageSize);

    public sealed record CaseListResponse(IReadOnlyList<CaseListEntry> Items, long Total);

    /// <param name="Title">Null when the report went up because it accuses this organ's head: nothing of it is shown here.</param>
    public sealed record CaseListEntry(Guid CaseId, string? CaseNumber, string Stage, string? Title, DateTimeOffset ReceivedAt, DateOnly? NextDeadline, bool Overdue);

    public sealed class Validator : AbstractValidator<CaseListQuery>
    {
        public Validator()
        {
            RuleFor(query => query.Stage).Must(stage => CaseStage.All.Contains(stage)).When(query => query.Stage is not null)
                .WithMessage("Stage is one of: " + string.Join(", ", CaseStage.All) + ".");
            // The contract's filter narrows to the overdue; "not overdue" is no view anyone asked for.
            RuleFor(query => query.Overdue).Equal(true).When(query => query.Overdue is not null).WithMessage("overdue takes only 'true'.");
            RuleFor(query => query.AssignedTo).Equal("me").When(query => query.AssignedTo is not null).WithMessage("assignedTo takes only 'me'.");
            RuleFor(query => query.Q).MaximumLength(200);
            RuleFor(query => query.Page).GreaterThanOrEqualTo(1);
            RuleFor(query => query.PageSize).InclusiveBetween(1, MaximumPageSize);
        }
    }

    internal static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/cases", HandleAsync).WithTags("Cases").RequireAuthorization(StaffPolicies.ListCases);

    private static async Task<Results<Ok<CaseListResponse>, ValidationProblem>> HandleAsync(
        string? stage, string? assignedTo, bool? overdue, string? q, int? page, int? pageSize,
        HttpContext http, IDocumentStore store, CaseSearchIndex search, VisibleCases cases, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = new CaseListQuery(stage, assignedTo, overdue, q, page, pageSize);
        var validation = await new Validator().ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
            return TypedResults.ValidationProblem(Reporting.CaseManagement.Cases.CaseRules.Errors(validation));

        return TypedResults.Ok(await QueryAsync(request, CurrentStaff.Member(http)!, store, search, cases, audit, time, cancellationToken));
    }

    /// <summary>A validated query's page, for the API and the workbench alike; the read is audited.</summary>
    /// <summary>The workbench's orders for a list: newest first (the API's), oldest first, or the nearest deadline first.</summary>
    internal static readonly IReadOnlyList<string> Sorts = ["newest", "oldest", "deadline"];

    /// <param name="within">Only these cases (the workbench's "new messages" list), or any.</param>
    /// <param name="sort">One of <see cref="Sorts"/>; newest first by default.</param>
    internal static async Task<CaseListResponse> QueryAsync(CaseListQuery request, StaffMember user,
        IDocumentStore store, CaseSearchIndex search, VisibleCases cases, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken,
        IReadOnlyCollection<Guid>? within = null, string? sort = null)
    {
        var only = within?.ToArray();
        var (stage, assignedTo, overdue, q, page, pageSize) = request;
        var today = WorkingCalendar.DateInChina(time.GetUtcNow());
        await using var session = store.QuerySession();
        // The read is on the trail before anything leaves, written while the page is read.
        var auditing = audit.RecordAsync(new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), user.Username, AuditActions.CaseList, null,
            AuditOutcomes.Succeeded, Describe(request)), cancellationToken);
        var listed = await cases.QueryAsync(session, user, query =>
        {
            if (stage is not null)
                query = query.Where(item => item.Stage == stage);
            if (assignedTo is not null)
                query = query.Where(item => item.Assignees.Contains(user.Username));
            if (overdue == true)
                query = query.Where(item => item.NextDeadline < today);
            if (only is not null)
                query = query.Where(item => only.Contains(item.Id));
            if (!string.IsNullOrWhiteSpace(q))
            {
                var term = q.Trim();
                if (Guid.TryParse(term, out var caseId))
                    query = query.Where(item => item.Id == caseId);
                else if (CaseNumbers.LooksLikeOne(term))
                    query = query.Where(item => item.CaseNumber == term);
                else
                {
                    var token = search.AccusedToken(q);
                    query = query.Where(item => item.SearchTokens.Contains(token));
                }
            }
            return query;
        }, cancellationToken);
        var size = pageSize ?? DefaultPageSize;
        var total = listed().CountAsync(cancellationToken);
        var ordered = sort switch
        {
            "oldest" => listed().OrderBy(item => item.ReceivedAt),
            // A case with no running deadline sorts last: PostgreSQL puts nulls last in ascending order.
            "deadline" => listed().OrderBy(item => item.NextDeadline).ThenBy(item => item.ReceivedAt),
            _ => listed().OrderByDescending(item => item.ReceivedAt),
        };
        var items = ordered.Skip(((page ?? 1) - 1) * size).Take(size).ToListAsync(cancellationToken);
        await Task.WhenAll(auditing, total, items);
        var entries = (await items)
            .Select(item => new CaseListEntry(item.Id, item.CaseNumber, item.Stage, cases.Title(item), item.ReceivedAt, item.NextDeadline, item.NextDeadline < today))
            .ToList();
        return new CaseListResponse(entries, await total);
    }

    /// <summary>What was asked, for the audit trail: the filters, never the search term (it may be a name).</summary>
    private static string Describe(CaseListQuery query) =>
        $"stage={query.Stage ?? "any"} assignedTo={query.AssignedTo ?? "any"} overdue={query.Overdue?.ToString() ?? "any"} q={(string.IsNullOrWhiteSpace(query.Q) ? "none" : "given")} page={query.Page ?? 1}";
}
