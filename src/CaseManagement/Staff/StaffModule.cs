using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reporting.CaseManagement.Staff.Audit;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.CaseManagement.Staff.SigningIn;
using Reporting.CaseManagement.Staff.Tokens;

namespace Reporting.CaseManagement.Staff;

/// <summary>Staff identity and access: sign-in, tokens, policies, audit.</summary>
internal static class StaffModule
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => StaffTokenOptions.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<TokenSigningKeys>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TokenSigningKeyRotation>();
        services.AddHostedService(provider => provider.GetRequiredService<TokenSigningKeyRotation>());
        services.AddScoped<SignIn>();
        StaffAuthentication.Add(services);
        StaffPolicies.Add(services);
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        TokenEndpoint.Map(endpoints);
        MeEndpoint.Map(endpoints);
        JwksEndpoint.Map(endpoints);
        AuditEndpoint.Map(endpoints);
    }
}
