using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.CaseManagement.Workbench;

/// <summary>The staff workbench: Razor components rendered on the server, statically, under <c>/staff</c>.</summary>
internal static class WorkbenchModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddRazorComponents();
        // Chinese text as characters, not as numeric references: pages a third of the size, and readable as sent.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    public static void Map(IEndpointRouteBuilder endpoints) => WorkbenchEndpoints.Map(endpoints);
}
