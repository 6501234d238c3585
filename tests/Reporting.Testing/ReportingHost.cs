using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Host;

namespace Reporting.Testing;

/// <summary>
/// The real host, started on a free loopback port against a database of its own, reached over real HTTP.
/// Subclasses add configuration by overriding <see cref="Configure"/>.
/// </summary>
public class ReportingHost : PostgresDatabase
{
    private WebApplication? _app;

    public Uri BaseAddress { get; protected set; } = null!;

    public HttpClient Client { get; protected set; } = null!;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The host environment the application starts in.</summary>
    protected virtual string Environment => "Development";

    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Services a test puts in place of a module's collaborators that do not exist yet or must be controlled.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Endpoints a test adds to the real application, to drive a module's building blocks over HTTP.</summary>
    protected virtual void MapEndpoints(WebApplication app)
    {
    }

    /// <summary>False for a fixture that runs the program as processes of its own and sets <see cref="Client"/> itself.</summary>
    protected virtual bool InProcess => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!InProcess)
            return;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = ConnectionString,
            ["Urls"] = "http://127.0.0.1:0",
            // Every test database starts empty: the host creates the schema, in Production as in Development.
            ["Database:MigrateOnStartup"] = "true",
            // A development key set of its own, in a folder swept with the test process, never one left in bin/ by an older build.
            ["Keys:File"] = Path.Combine(TestCluster.NewFolder(), "office-keys.json"),
        };
        Configure(settings);
        var builder = ReportingApp.CreateBuilder(["--environment", Environment]);
        foreach (var (key, value) in settings)
            builder.Configuration[key] = value;
        ConfigureServices(builder.Services);
        _app = ReportingApp.Build(builder);
        MapEndpoints(_app);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.BoundAddresses().First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Stops the in-process host, for a fixture that goes on with processes of its own.</summary>
    protected async Task StopAsync()
    {
        Client?.Dispose();
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public override async Task DisposeAsync()
    {
        await StopAsync();
        await base.DisposeAsync();
    }
}
