using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Reporting.CaseManagement;
using Reporting.Disclosure;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Intake;
using Reporting.Host.Telemetry;

namespace Reporting.Host;

/// <summary>The composition root: one web application serving the modules that configuration selects.</summary>
public static class ReportingApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Informants' addresses must never reach a log: no request logging, no forwarded-header processing anywhere.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Reporting")
            ?? throw new InvalidOperationException("ConnectionStrings:Reporting is not set.");
        var modules = ModuleSelection.From(builder.Configuration);
        // The API speaks the contract's English whatever the server's locale (a commission's servers may well run under
        // zh_CN): validation messages follow the UI culture. Workbench pages set their own, per request.
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // The database away (stopped, restarting, out of disk): the request did nothing and may simply be sent again.
            if (context.Exception is { } exception && DatabaseUnavailable.Is(exception))
            {
                context.HttpContext.Response.Headers.RetryAfter = "5";
                context.ProblemDetails.Title = "The service is briefly unavailable; nothing was stored. Try again in a few seconds.";
            }
        });
        builder.AddServerLimits();
        builder.AddReportingTelemetry(modules);
        builder.Services.AddOpenApi();
        builder.Services.AddReportingDatabase(DatabaseOptionsFrom(builder, connectionString));
        // A sealing key named in configuration stands (a deployment may pin it); otherwise key custody supplies it.
        if (modules.Intake && modules.Cases && string.IsNullOrWhiteSpace(builder.Configuration["Intake:SealingKey:KeyId"]))
            builder.Services.AddSingleton<Reporting.Intake.Sealing.IOfficeSealingKeyProvider, OfficeKeysSealing>();
        // Every host runs the authentication and authorization middleware at the same place in the pipeline (after the
        // security headers), so their services are there even for a host with no staff surface.
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization();
        if (modules.Intake)
            builder.Services.AddIntake();
        if (modules.Cases)
            builder.Services.AddCaseManagement(intakeInThisHost: modules.Intake);
        if (modules.Disclosure)
            builder.Services.AddDisclosure(staffInThisHost: modules.Cases);
        if (modules.Disclosure && !modules.Cases)
            builder.Services.AddPublicRecordSources();

        var app = builder.Build();
        // A client too slow or too large for Kestrel's limits gets Kestrel's own status (408, 413, 431) as a problem,
        // not a 500: the fault is the request's. The database away is 503: the fault is nobody's, and passes.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when DatabaseUnavailable.Is(exception) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        app.UseRequestTimeouts();
        // Called here, not left for the host to add before everything: a 401 or 403 written by them then carries the
        // security headers too.
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        HealthAnswers.Map(app);
        if (modules.Intake)
            app.MapIntake();
        if (modules.Cases)
            app.MapCaseManagement();
        if (modules.Disclosure)
            app.MapDisclosure(staffInThisHost: modules.Cases);
        if (modules.Disclosure && modules.Cases)
            app.MapDisclosureWorkbench();
        return app;
    }

    /// <summary>
    /// Development brings the schema up to date at start-up; elsewhere the host only checks it, unless
    /// <c>Database:MigrateOnStartup</c> says otherwise, and an operator applies changes with <c>reporting db migrate</c>.
    /// </summary>
    public static DatabaseOptions DatabaseOptionsFrom(IHostApplicationBuilder builder, string connectionString) =>
        new(connectionString, builder.Configuration["Database:Schema"] ?? "reporting",
            builder.Configuration.GetValue<bool?>("Database:MigrateOnStartup") ?? builder.Environment.IsDevelopment());

    /// <summary>The addresses Kestrel really bound, which differ from the configured ones when port 0 was asked for.</summary>
    public static IReadOnlyCollection<string> BoundAddresses(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();
}
