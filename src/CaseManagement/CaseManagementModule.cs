using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Staff;
using Reporting.EventStore.Hosting;

namespace Reporting.CaseManagement;

/// <summary>The module's only public entry: its services and its endpoints.</summary>
public static class CaseManagementModule
{
    public const string Name = "cases";

    public static IServiceCollection AddCaseManagement(this IServiceCollection services)
    {
        services.AddSingleton(new SchemaScripts(Name, typeof(CaseManagementModule).Assembly));
        services.ConfigureMarten(options => options.Events.AddEventTypes(CaseEventTypes.All));
        StaffModule.Add(services);
        return services;
    }

    public static IEndpointRouteBuilder MapCaseManagement(this IEndpointRouteBuilder endpoints)
    {
        StaffModule.Map(endpoints);
        return endpoints;
    }
}
