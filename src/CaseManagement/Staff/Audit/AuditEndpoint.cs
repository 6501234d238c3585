using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.CaseManagement.Staff.Audit;

/// <summary><c>GET /api/audit</c>: for auditors, who did or read what and when; ids and outcomes only, never case content.</summary>
internal static class AuditEndpoint
{
    public const int MaximumItems = 1000;

    public sealed record AuditQuery(Guid? CaseId, string? Username, DateTimeOffset? From, DateTimeOffset? To);

    public sealed record AuditResponse(IReadOnlyList<AuditItem> Items);

    public sealed record AuditItem(DateTimeOffset At, string? Username, string Action, Guid? CaseId, string Outcome, string? Detail);

    public sealed class Validator : AbstractValidator<AuditQuery>
    {
        public Validator()
        {
            RuleFor(query => query.Username).MaximumLength(64);
            RuleFor(query => query.To).GreaterThanOrEqualTo(query => query.From).When(query => query.From is not null && query.To is not null);
        }
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/audit", HandleAsync).WithTags("Staff").RequireAuthorization(StaffPolicies.ReadAudit);

    private static async Task<Results<Ok<AuditResponse>, ValidationProblem>> HandleAsync(
        Guid? caseId, string? username, DateTimeOffset? from, DateTimeOffset? to,
        HttpContext http, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = new AuditQuery(caseId, username, from, to);
        var validation = await new Validator().ValidateAsync(query, cancellationToken);
        if (!validation.IsValid)
            return TypedResults.ValidationProblem(Reporting.CaseManagement.Cases.CaseRules.Errors(validation));
        var entries = await audit.ReadAsync(new AuditFilter(caseId, username, from, to, MaximumItems), cancellationToken);
        // Reading the trail is itself on the trail: auditors are watched too.
        await audit.RecordAsync(new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), CurrentStaff.Username(http), AuditActions.AuditRead,
            caseId, AuditOutcomes.Succeeded, null), cancellationToken);
        return TypedResults.Ok(new AuditResponse([.. entries.Select(entry =>
            new AuditItem(entry.At, entry.Username, entry.Action, entry.CaseId, entry.Outcome, entry.Detail))]));
    }
}
