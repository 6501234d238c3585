using System.Globalization;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Contracts;
using Reporting.CaseManagement.Cases.Listing;
using Reporting.CaseManagement.Cases.Registering;
using Reporting.CaseManagement.Cases.Statistics;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Audit;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.CaseManagement.Workbench.Pages;

using Reporting.CaseManagement.Contracts.Workbench;

namespace Reporting.CaseManagement.Workbench;

/// <summary>
/// The pages that watch the office rather than work a case: the overdue dashboard, the statistics, and the audit trail.
/// Each reads the same query as its API route, under the same policy; none shows anything of a case's content.
/// </summary>
public static class OversightEndpoints
{
    /// <summary>Newest first, at most this many lines on one page; the auditor narrows the filters to see further.</summary>
    public const int AuditLines = 500;

    /// <summary>The first year the statistics page offers; the system holds nothing older.</summary>
    private const int FirstYear = 2024;

    internal static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/dashboard", DashboardAsync).RequireAuthorization(StaffPolicies.OverdueDashboard);
        staff.MapGet("/statistics", StatisticsAsync).RequireAuthorization(StaffPolicies.Statistics);
        staff.MapGet("/audit", AuditAsync).RequireAuthorization(StaffPolicies.ReadAudit);
    }

    private static async Task<IResult> DashboardAsync(HttpContext http, IDocumentStore store, IStaffAccounts accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var dashboard = await OverdueDashboardEndpoint.QueryAsync(store, accounts, time, cancellationToken);
        var names = (await accounts.ListAsync(cancellationToken)).ToDictionary(account => account.Username, account => account.DisplayName, StringComparer.Ordinal);
        return WorkbenchPages.Render<DashboardPage>(http, new { Dashboard = dashboard, Names = (IReadOnlyDictionary<string, string>)names });
    }

    private static async Task<IResult> StatisticsAsync(HttpContext http, string? year, IDocumentStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var thisYear = WorkingCalendar.DateInChina(time.GetUtcNow()).Year;
        var years = Enumerable.Range(FirstYear, Math.Max(1, thisYear - FirstYear + 1)).Reverse().ToList();
        var asked = year is null ? thisYear : int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && years.Contains(parsed) ? parsed : (int?)null;
        if (asked is not { } shown)
            return WorkbenchPages.Message(http, StatusCodes.Status400BadRequest, ("年份有误", "No such year"), ("请从表单中选择年份。", "Choose the year from the form."), "/staff/statistics");
        var months = StatisticsPeriod.Parse(shown.ToString(CultureInfo.InvariantCulture))!.Months;
        var counts = await StatisticsEndpoint.MonthsAsync(store, months, cancellationToken);
        return WorkbenchPages.Render<StatisticsPage>(http, new
        {
            Year = shown, Years = (IReadOnlyList<int>)years, Months = (IReadOnlyList<IReadOnlyDictionary<string, int>>)[.. months.Select(month => counts[month])],
        });
    }

    /// <summary>What the auditor typed into the filters, as typed, so that a mistake can be shown next to its field.</summary>
    public sealed record AuditForm(string Case, string Username, string From, string To, string Outcome);

    private static async Task<IResult> AuditAsync(HttpContext http, string? @case, string? username, string? from, string? to, string? outcome,
        IDocumentStore store, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var page = PageContext.Of(http);
        var form = new AuditForm((@case ?? "").Trim(), (username ?? "").Trim(), (from ?? "").Trim(), (to ?? "").Trim(), (outcome ?? "").Trim());
        var validation = await new AuditFormValidator(page).ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
            return WorkbenchPages.Render<AuditPage>(http, new
            {
                Form = form, Errors = (IReadOnlyDictionary<string, string[]>)Cases.CaseRules.Errors(validation), Entries = (IReadOnlyList<AuditEntry>)[],
                Numbers = (IReadOnlyDictionary<Guid, string>)new Dictionary<Guid, string>(),
            }, StatusCodes.Status400BadRequest);

        await using var session = store.QuerySession();
        Guid? caseId = null;
        if (form.Case.Length > 0)
            caseId = Guid.TryParse(form.Case, out var id) ? id
                : await session.Query<CaseListItem>().Where(item => item.CaseNumber == form.Case).Select(item => item.Id).FirstOrDefaultAsync(cancellationToken) is var found && found != Guid.Empty ? found
                : Guid.Empty;
        var filter = new AuditFilter(caseId, form.Username.Length > 0 ? form.Username : null, StartOf(form.From), EndOf(form.To), AuditLines,
            form.Outcome.Length > 0 ? form.Outcome : null);
        var entries = await audit.ReadAsync(filter, cancellationToken);
        // Reading the trail is itself on the trail: auditors are watched too.
        await audit.RecordAsync(new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), CurrentStaff.Username(http), AuditActions.AuditRead, caseId, AuditOutcomes.Succeeded, null), cancellationToken);

        var ids = entries.Select(entry => entry.CaseId).OfType<Guid>().Distinct().ToArray();
        var numbers = ids.Length == 0 ? new Dictionary<Guid, string>()
            : (await session.Query<CaseListItem>().Where(item => ids.Contains(item.Id) && item.CaseNumber != null).Select(item => new { item.Id, item.CaseNumber }).ToListAsync(cancellationToken))
                .ToDictionary(item => item.Id, item => item.CaseNumber!);
        return WorkbenchPages.Render<AuditPage>(http, new
        {
            Form = form, Errors = (IReadOnlyDictionary<string, string[]>)new Dictionary<string, string[]>(), Entries = entries,
            Numbers = (IReadOnlyDictionary<Guid, string>)numbers,
        });
    }

    /// <summary>China keeps no daylight saving: its days begin at midnight, UTC+8.</summary>
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static DateTimeOffset? StartOf(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), China) : null;

    private static DateTimeOffset? EndOf(string date) => StartOf(date)?.AddDays(1).AddTicks(-1);

    /// <summary>The filters' rules, with messages in the reader's language.</summary>
    private sealed class AuditFormValidator : AbstractValidator<AuditForm>
    {
        public AuditFormValidator(PageContext page)
        {
            RuleFor(form => form.Case).Must(text => text.Length == 0 || Guid.TryParse(text, out _) || CaseNumbers.LooksLikeOne(text)).WithMessage(page.T("请填写案件编号（如 2026-00012）或案件 ID", "Give a case number (such as 2026-00012) or a case id"));
            RuleFor(form => form.Username).Must(UsernameRules.IsValid).When(form => form.Username.Length > 0).WithMessage(page.T("用户名为 3 至 64 个字符，以小写字母开头，只含小写字母、数字和 . - _", UsernameRules.Description));
            RuleFor(form => form.From).Must(date => StartOf(date) is not null).When(form => form.From.Length > 0).WithMessage(page.T("请按 年-月-日 填写日期，如 2026-12-01", "Give the date as year-month-day, such as 2026-12-01"));
            RuleFor(form => form.To).Must(date => StartOf(date) is not null).When(form => form.To.Length > 0).WithMessage(page.T("请按 年-月-日 填写日期，如 2026-12-31", "Give the date as year-month-day, such as 2026-12-31"));
            RuleFor(form => form.To).Must((form, to) => StartOf(to) >= StartOf(form.From))
                .When(form => StartOf(form.From) is not null && StartOf(form.To) is not null).WithMessage(page.T("结束日期不能早于开始日期", "The end date cannot come before the start date"));
            RuleFor(form => form.Outcome).Must(outcome => outcome is "" or AuditOutcomes.Succeeded or AuditOutcomes.Failed or AuditOutcomes.Refused).WithMessage(page.T("请从列表中选择结果", "Choose the outcome from the list"));
        }
    }
}
