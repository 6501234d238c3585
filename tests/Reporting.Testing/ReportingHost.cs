using Microsoft.AspNetCore.Builder;
using Reporting.Host;

namespace Reporting.Testing;

/// <summary>
/// The real host, started on a free loopback port against a database of its own, reached over real HTTP.
/// Subclasses add configuration by overriding <see cref="Configure"/>.
/// </summary>
public class ReportingHost : PostgresDatabase
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host has not started.");

    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = ConnectionString,
            ["Urls"] = "http://127.0.0.1:0",
        };
        Configure(settings);
        var builder = ReportingApp.CreateBuilder(["--environment", "Development"]);
        foreach (var (key, value) in settings)
            builder.Configuration[key] = value;
        _app = ReportingApp.Build(builder);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.BoundAddresses().First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public override async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
