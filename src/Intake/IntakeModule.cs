using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reporting.EventStore.Hosting;

namespace Reporting.Intake;

/// <summary>The module's only public entry: its services and its endpoints.</summary>
public static class IntakeModule
{
    public const string Name = "intake";

    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddSingleton(new SchemaScripts(Name, typeof(IntakeModule).Assembly));
        return services;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder endpoints) => endpoints;
}
