using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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
        return services;
    }

    public static IEndpointRouteBuilder MapDisclosure(this IEndpointRouteBuilder endpoints) => endpoints;
}
