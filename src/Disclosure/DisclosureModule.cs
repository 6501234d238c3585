using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;

namespace Reporting.Disclosure;

/// <summary>The module's only public entry: its services and its endpoints.</summary>
public static class DisclosureModule
{
    public const string Name = "disclosure";

    public static IServiceCollection AddDisclosure(this IServiceCollection services)
    {
        services.AddSingleton(new SchemaScripts(Name, typeof(DisclosureModule).Assembly));
        services.TryAddSingleton(TimeProvider.System);
        Statistics.StatisticsEndpoints.Add(services);
        return services;
    }

    public static IEndpointRouteBuilder MapDisclosure(this IEndpointRouteBuilder endpoints)
    {
        Site.Stylesheet.Map(endpoints);
        Statistics.StatisticsEndpoints.Map(endpoints);
        return endpoints;
    }
}
