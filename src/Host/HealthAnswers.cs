using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reporting.Storage.Hosting;

namespace Reporting.Host;

/// <summary>
/// <c>/health</c>: liveness, 200 while the process answers (a restart would not help a host whose database is away).
/// <c>/health/ready</c>: every check tagged ready (database, projections, and the office keys where staff are served),
/// 503 when one fails, with each check's status and description as JSON for the operator; nothing of a case.
/// </summary>
internal static class HealthAnswers
{
    public static void Map(WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = WriteAsync,
        });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new
            {
                status = entry.Value.Status.ToString(),
                description = entry.Value.Description,
                data = entry.Value.Data.Count == 0 ? null : entry.Value.Data,
            }),
        }, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
