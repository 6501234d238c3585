using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reporting.Disclosure.Log;
using Reporting.Disclosure.Notices;
using Reporting.Disclosure.Notices.Listing;
using Reporting.Disclosure.Publication;
using Reporting.Disclosure.PublicRecord;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;

namespace Reporting.Disclosure;

/// <summary>The module's only public entry: its services and its endpoints.</summary>
public static class DisclosureModule
{
    public const string Name = "disclosure";

    /// <param name="staffInThisHost">Whether the cases module runs here too: only then are notices drafted and published here.</param>
    public static IServiceCollection AddDisclosure(this IServiceCollection services, bool staffInThisHost = true)
    {
        services.AddSingleton(new SchemaScripts(Name, typeof(DisclosureModule).Assembly));
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DisclosureOptions>().BindConfiguration(DisclosureOptions.Section);
        services.AddSingleton<DisclosureKeyring>();
        services.AddSingleton<LogView>();
        services.AddSingleton<Telemetry.DisclosureMetrics>();
        if (staffInThisHost)
            services.AddSingleton<Notices.NoticeActing>();
        services.AddSingleton<PublishedNotices>();
        services.AddSingleton<NoticeSearch>();
        services.AddSingleton<Site.RenderedPages>();
        services.ConfigureMarten(options =>
        {
            options.Events.AddEventTypes([.. NoticeEventTypes.All, typeof(NoticeLogEntryAppended)]);
            options.Projections.Add(new NoticeSummaryProjection(), ProjectionLifecycle.Inline);
            options.Projections.Snapshot<NoticeLogHead>(SnapshotLifecycle.Inline);
            options.Schema.For<NoticeSummary>().FullTextIndex("simple", summary => summary.SearchText);
            options.Schema.For<SignedCheckpoint>().Identity(checkpoint => checkpoint.Id);
        });
        Statistics.StatisticsEndpoints.Add(services);
        return services;
    }

    /// <summary>
    /// The public record, and the publishers' API where the cases module runs too (it holds the staff's sign-in and the
    /// cases a notice is drafted from): a public host serves only what anyone may read.
    /// </summary>
    public static IEndpointRouteBuilder MapDisclosure(this IEndpointRouteBuilder endpoints, bool staffInThisHost)
    {
        if (staffInThisHost)
            NoticeStaffEndpoints.Map(endpoints);
        NoticeApiEndpoints.Map(endpoints);
        Site.SiteEndpoints.Map(endpoints);
        Site.Stylesheet.Map(endpoints);
        Statistics.StatisticsEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>The publishers' and approvers' pages, in a host that also runs the staff workbench (the cases module).</summary>
    public static IEndpointRouteBuilder MapDisclosureWorkbench(this IEndpointRouteBuilder endpoints)
    {
        Workbench.NoticeWorkbenchEndpoints.Map(endpoints);
        return endpoints;
    }
}
