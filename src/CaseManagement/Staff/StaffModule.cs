using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.CaseManagement.Keys;
using Reporting.CaseManagement.Staff.Accounts;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Marten.Events.Aggregation;
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
        // A key set the caller unlocked already (the CLI, with a typed passphrase) stands; otherwise the host unlocks its own.
        services.TryAddSingleton(provider => OfficeKeysLoading.Load(provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IHostEnvironment>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OfficeKeysLoading).FullName!)));
        services.AddSingleton<ISecretWrapping, KeyEncryptionWrapping>();
        services.AddSingleton<IPasswordHashing>(provider => SodiumPasswordHashing.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IStaffAccounts, StoredStaffAccounts>();
        services.AddSingleton<IAuditTrail, StoredAuditTrail>();
        services.AddSingleton<Contracts.IStaffAudit, StaffAuditForModules>();
        services.AddSingleton<Contracts.IDisclosureSigningKeys, Keys.DisclosureSigningKeys>();
        services.AddSingleton<ITokenSigningKeyStore, StoredTokenSigningKeys>();
        services.TryAddSingleton<ICaseAccessFacts, CaseStreamAccessFacts>();
        services.AddSingleton<AccountAdministration>();
        services.AddHealthChecks().AddCheck<Keys.OfficeKeysHealthCheck>("keys", tags: [Storage.Hosting.HealthTags.Ready]);
        services.ConfigureMarten(options =>
        {
            options.Projections.Add(new StaffAccountProjection(), ProjectionLifecycle.Inline);
            options.Events.AddEventType<AuditRecorded>();
            options.Schema.For<AuditEntry>().Index(entry => entry.CaseId).Index(entry => entry.Username).Index(entry => entry.At);
            options.Schema.For<StoredTokenSigningKey>();
        });
        services.AddSingleton<TokenSigningKeys>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TokenSigningKeyRotation>();
        services.AddHostedService(provider => provider.GetRequiredService<TokenSigningKeyRotation>());
        services.AddScoped<SignIn>();
        services.AddHostedService<DevelopmentSeeding>();
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
