using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reporting.CaseManagement.Keys;

/// <summary>Ready once the office key file is unlocked: without its keys the staff host can open no report.</summary>
internal sealed class OfficeKeysHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var keys = services.GetRequiredService<OfficeKeys>();
            return Task.FromResult(HealthCheckResult.Healthy($"{keys.All.Count} office keys unlocked."));
        }
        catch (InvalidOperationException)
        {
            // The message may name the key file's path; the answer says only what an operator must do.
            return Task.FromResult(HealthCheckResult.Unhealthy("The office keys are locked: see 'reporting keys unlock'."));
        }
    }
}
