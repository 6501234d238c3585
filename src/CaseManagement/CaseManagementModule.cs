using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Staff;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;

namespace Reporting.CaseManagement;

/// <summary>The module's only public entry: its services and its endpoints.</summary>
public static class CaseManagementModule
{
    public const string Name = "cases";

    /// <param name="intakeInThisHost">Whether Intake runs in the same host: it decides how the case list follows new reports.</param>
    public static IServiceCollection AddCaseManagement(this IServiceCollection services, bool intakeInThisHost = true)
    {
        services.AddSingleton(new SchemaScripts(Name, typeof(CaseManagementModule).Assembly));
        services.ConfigureMarten(options => options.Events.AddEventTypes(CaseEventTypes.All));
        StaffModule.Add(services);
        Keys.EventStoreKeys.Add(services);
        CaseEndpoints.Add(services, intakeInThisHost);
        Workbench.WorkbenchModule.Add(services);
        return services;
    }

    /// <summary>
    /// What a host serving only the public record reads of this module: the public halves of the notice and log keys
    /// (from the office key file, without its passphrase) and the monthly counts. No workflow, no staff, no secret.
    /// </summary>
    public static IServiceCollection AddPublicRecordSources(this IServiceCollection services)
    {
        services.AddSingleton<Contracts.IDisclosureSigningKeys, Keys.PublicDisclosureKeys>();
        services.AddSingleton<Contracts.IMonthlyCaseCounts, Cases.Statistics.MonthlyCaseCountsFromDocuments>();
        return services;
    }

    public static IEndpointRouteBuilder MapCaseManagement(this IEndpointRouteBuilder endpoints)
    {
        StaffModule.Map(endpoints);
        CaseEndpoints.Map(endpoints);
        Workbench.WorkbenchModule.Map(endpoints);
        return endpoints;
    }
}
