using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Reporting.Storage.Hosting;

namespace Reporting.Host;

/// <summary>
/// What one client may hold of the server. Kestrel's options are bound from <c>Kestrel</c> in configuration, as its docs show (the
/// header, body, connection and keep-alive limits in appsettings.json); the two minimum data rates have no
/// parameterless constructor for the binder, so they are read here from the same section. Every route then has a
/// request timeout: a slow loris that keeps within the data rates still cannot hold a request, its database
/// connection or its place in the anti-flood budget past <c>RequestTimeouts:Default</c>.
/// </summary>
internal static class ServerLimits
{
    public static void AddServerLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Kestrel:Limits");
        builder.Services.Configure<KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MinRequestBodyDataRate = DataRate(limits.GetSection("MinRequestBodyDataRate"), kestrel.Limits.MinRequestBodyDataRate);
            kestrel.Limits.MinResponseDataRate = DataRate(limits.GetSection("MinResponseDataRate"), kestrel.Limits.MinResponseDataRate);
            // The server's name tells an attacker which exploits to try, and no client needs it.
            kestrel.AddServerHeader = false;
        });

        var timeouts = builder.Configuration.GetSection("RequestTimeouts");
        builder.Services.AddRequestTimeouts(options =>
        {
            options.DefaultPolicy = Policy(timeouts.GetValue("Default", TimeSpan.FromSeconds(30)));
            options.AddPolicy(RequestTimeoutPolicies.Transfers, Policy(timeouts.GetValue("Transfers", TimeSpan.FromMinutes(15))));
        });
    }

    private static MinDataRate? DataRate(IConfigurationSection section, MinDataRate? fallback) =>
        section.Exists()
            ? new MinDataRate(section.GetValue<double>("BytesPerSecond"), section.GetValue("GracePeriod", TimeSpan.FromSeconds(5)))
            : fallback;

    /// <summary>A request past its time is refused as the host being busy, with the problem body every refusal has.</summary>
    private static RequestTimeoutPolicy Policy(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        WriteTimeoutResponse = async context =>
        {
            context.Response.Headers.RetryAfter = "30";
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The request took too long",
                    Detail = "The server stopped waiting for this request. Nothing of it was kept; send it again.",
                },
            });
        },
    };
}
