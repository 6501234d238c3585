using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reporting.CaseManagement.Staff.Audit;
using Reporting.Staff.Tests.Hosting;
using Reporting.Testing;

namespace Reporting.Staff.Tests.SigningIn;

/// <summary>
/// What a failed login leaves behind. A name that is no account is as often a password typed into the wrong field:
/// neither the trail nor any log line keeps it, only a keyed token that shows repeated tries of one name as one.
/// </summary>
public sealed class FailedLoginRecordTests(FailedLoginRecordTests.LoggedStaffHost host) : IClassFixture<FailedLoginRecordTests.LoggedStaffHost>
{
    public sealed class LoggedStaffHost : StaffHost
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            settings["Logging:LogLevel:Default"] = "Trace";
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Lines));
        }
    }

    [Fact]
    public async Task A_name_that_is_no_account_is_recorded_as_a_keyed_token_never_as_typed()
    {
        const string typed = "my-own-passphrase-2026";
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        var first = await host.Client.PostAsJsonAsync("/api/auth/token", new { username = typed, password = "whatever it was" });
        var second = await host.Client.PostAsJsonAsync("/api/auth/token", new { username = typed, password = "another try" });
        var other = await host.Client.PostAsJsonAsync("/api/auth/token", new { username = "someone-else", password = "x" });

        Assert.All([first, second, other], response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        var trail = await host.Services.GetRequiredService<IAuditTrail>().ReadAsync(new AuditFilter(null, null, since, null, 100), CancellationToken.None);
        var logins = trail.Where(entry => entry.Action == AuditActions.Login).ToList();
        Assert.DoesNotContain(logins, entry => (entry.Username ?? "").Contains(typed, StringComparison.Ordinal) || (entry.Detail ?? "").Contains(typed, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Lines, line => line.Contains(typed, StringComparison.Ordinal));
        var tokens = logins.Select(entry => entry.Username ?? "").Where(name => name.StartsWith("unknown-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, tokens.Count);
        Assert.Equal(2, tokens.Distinct().Count());
    }

    [Fact]
    public async Task A_failed_login_of_a_real_account_still_names_it()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        var response = await host.Client.PostAsJsonAsync("/api/auth/token", new { username = "reviewer1", password = "the wrong password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var trail = await host.Services.GetRequiredService<IAuditTrail>().ReadAsync(new AuditFilter(null, "reviewer1", since, null, 10), CancellationToken.None);
        Assert.Contains(trail, entry => entry.Action == AuditActions.Login && entry.Outcome == AuditOutcomes.Failed);
    }
}
