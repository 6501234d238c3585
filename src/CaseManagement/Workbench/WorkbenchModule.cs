using Microsoft.AspNetCore.Routing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Workbench.Reading;

namespace Reporting.CaseManagement.Workbench;

/// <summary>The staff workbench: Razor components rendered on the server, statically, under <c>/staff</c>.</summary>
internal static class WorkbenchModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddSingleton<CaseReadings>();
        Forms.ValidationMessages.Install();
        services.ConfigureMarten(options => options.Schema.For<CaseReading>());
        // Chinese text as characters, not as numeric references: pages a third of the size, and readable as sent.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    public static void Map(IEndpointRouteBuilder endpoints) => WorkbenchEndpoints.Map(endpoints);
}
