using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Cases.Acting;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Listing;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Cases.Statistics;
using Reporting.CaseManagement.Cases.Viewing;
using Reporting.CaseManagement.Keys;
using Reporting.CaseManagement.Staff.Accounts;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Marten.Events.Aggregation;

namespace Reporting.CaseManagement.Cases;

/// <summary>The case workflow over HTTP: the list, the detail, the actions, and the projections behind them.</summary>
internal static class CaseEndpoints
{
    /// <param name="intakeInThisHost">
    /// Intake appends each case's first event. When it runs in this host, the case list is written in the same
    /// transaction as every event (Inline); when it runs elsewhere, this host cannot see those appends as they happen,
    /// and the list follows the event log instead (Async).
    /// </param>
    public static void Add(IServiceCollection services, bool intakeInThisHost)
    {
        services.AddSingleton(WorkingCalendar.Embedded);
        services.AddSingleton<OfficeEnvelopes>();
        services.AddSingleton<CaseActionTaking>();
        services.AddSingleton<Contracts.IDisclosableCases, Disclosing.DisclosableCases>();
        services.AddSingleton<SealedCaseState>();
        services.AddSingleton(provider => new CaseSearchIndex(provider.GetRequiredService<OfficeKeys>()));
        services.AddSingleton<VisibleCases>();
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<Contracts.IMonthlyCaseCounts, MonthlyCaseCountsFromDocuments>();
        services.AddHostedService(provider => provider.GetRequiredService<ReminderScheduler>());
        services.AddSingleton<Telemetry.CaseMetrics>();
        services.AddHostedService<Telemetry.OverdueCounting>();
        services.ConfigureMarten((provider, options) =>
        {
            options.Projections.Add(
                new CaseListProjection(provider.GetRequiredService<SealedCaseState>(), provider.GetRequiredService<CaseSearchIndex>()),
                intakeInThisHost ? ProjectionLifecycle.Inline : ProjectionLifecycle.Async);
            // Each entry carries its sealed state and is stored out of line; every field a query reads is a column of its own,
            // so that a filtered page reads small rows and opens only the documents it returns.
            options.Schema.For<CaseListItem>()
                .Duplicate(item => item.Stage)
                .Duplicate(item => item.NextDeadline)
                .Duplicate(item => item.ReceivedAt)
                .Duplicate(item => item.Assignees)
                .Duplicate(item => item.Recused)
                .Duplicate(item => item.SearchTokens)
                .Duplicate(item => item.PendingProposalBy)
                .Duplicate(item => item.OpenProtectionRequests)
                .Duplicate(item => item.CaseNumber)
                .Index([item => item.Stage, item => item.ReceivedAt])
                // The total of a stage's overdue cases, less those the reader recused from, is counted from this index alone.
                .Index([item => item.Stage, item => item.NextDeadline!, item => item.Recused]);
            options.Projections.Add(new CaseStatisticsProjection(), ProjectionLifecycle.Async);
        });
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ListCasesEndpoint.Map(endpoints);
        ApprovalsEndpoint.Map(endpoints);
        OverdueDashboardEndpoint.Map(endpoints);
        StatisticsEndpoint.Map(endpoints);
        GetCaseEndpoint.Map(endpoints);
        DownloadAttachmentEndpoint.Map(endpoints);
        TakeActionEndpoint.Map(endpoints);
    }
}
