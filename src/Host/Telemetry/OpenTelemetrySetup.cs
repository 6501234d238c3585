using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Reporting.CaseManagement.Telemetry;
using Reporting.Disclosure.Telemetry;
using Reporting.Intake.Telemetry;

namespace Reporting.Host.Telemetry;

/// <summary>
/// Metrics (and, where allowed, traces) through OpenTelemetry, sent by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set. Our own meters always. Marten's and Npgsql's meters and ASP.NET Core's request metrics count every request
/// and event as it happens, which on a host serving Intake would tell a metrics store to the minute when an informant
/// acted: there they are off unless <c>Telemetry:DependencyMetrics</c> turns them on. Traces
/// (<c>Telemetry:Tracing</c>) time single requests and statements, and are refused outright where Intake is served.
/// </summary>
internal static class OpenTelemetrySetup
{
    public static readonly string[] DependencyMeters = ["Marten", "Npgsql", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static void AddReportingTelemetry(this WebApplicationBuilder builder, ModuleSelection modules)
    {
        var dependencies = builder.Configuration.GetValue<bool?>("Telemetry:DependencyMetrics") ?? !modules.Intake;
        var tracing = builder.Configuration.GetValue<bool>("Telemetry:Tracing");
        if (tracing && modules.Intake)
            throw new InvalidOperationException("Telemetry:Tracing is refused on a host that serves Intake: a trace records when one informant's request came.");

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(IntakeMetrics.MeterName, CaseMetrics.MeterName, DisclosureMetrics.MeterName);
                if (dependencies)
                    metrics.AddMeter(DependencyMeters);
            });
        if (tracing)
            telemetry.WithTracing(traces => traces.AddSource("Marten", "Npgsql", "Microsoft.AspNetCore"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
    }
}
