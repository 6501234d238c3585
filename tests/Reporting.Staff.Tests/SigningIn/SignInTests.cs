using OtpNet;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.SigningIn;
using Reporting.CaseManagement.Staff.Totp;
using Reporting.Staff.Tests.Hosting;

namespace Reporting.Staff.Tests.SigningIn;

public sealed class SignInTests(StaffHost host) : IClassFixture<StaffHost>
{
    private const string Password = "a long passphrase of my own";

    private IStaffAccounts Accounts => host.Services.GetRequiredService<IStaffAccounts>();

    private Task<HttpResponseMessage> LoginAsync(string username, string password, string? totp = null) =>
        host.Client.PostAsJsonAsync("/api/auth/token", new { username, password, totp });

    private async Task<(string Username, byte[] Secret)> EnrolledUserAsync()
    {
        var username = $"officer-{Guid.NewGuid():N}"[..20];
        var setup = await host.Services.GetRequiredService<AccountAdministration>()
            .AddAsync(username, "测试 Officer", "市纪委监委", ["supervisor"], Password, "admin1", default);
        var account = await Accounts.FindAsync(username, default);
        var secret = host.Services.GetRequiredService<ISecretWrapping>().Unwrap(account!.WrappedTotpSecret!, SignIn.TotpPurpose);
        Assert.Contains(Base32Encoding.ToString(secret).TrimEnd('='), setup.Uri, StringComparison.Ordinal);
        return (username, secret);
    }

    private static string CodeNow(byte[] secret) => TotpCode.Compute(secret, TotpCode.StepAt(DateTimeOffset.UtcNow));

    [Fact]
    public async Task Every_seeded_development_user_logs_in_with_the_published_password_and_no_second_factor()
    {
        foreach (var (username, _, role) in DevelopmentSeeding.Users)
        {
            var response = await LoginAsync(username, StaffHost.DevelopmentPassword);
            var body = await response.Content.ReadFromJsonAsync<TokenEndpoint.TokenResponse>();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(("Bearer", 900), (body!.TokenType, body.ExpiresIn));
            Assert.Equal([role], (await Accounts.FindAsync(username, default))!.Roles);
        }
    }

    [Fact]
    public async Task Every_login_failure_answers_401_with_the_same_problem_body()
    {
        var (enrolled, _) = await EnrolledUserAsync();
        HttpResponseMessage[] failures =
        [
            await LoginAsync("no-such-user", "whatever password"),
            await LoginAsync("reviewer1", "the wrong password"),
            await LoginAsync(enrolled, Password, totp: null),
            await LoginAsync(enrolled, Password, totp: "000000"),
            await LoginAsync("", ""),
            await host.Client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")),
            await host.Client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), new StringContent("username=registrar1", System.Text.Encoding.UTF8, "text/plain")),
        ];

        Assert.All(failures, response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        Assert.All(failures, response => Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType));
        var bodies = await Task.WhenAll(failures.Select(async response =>
        {
            // Each response carries its own trace id; all else must be identical.
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            Assert.True(problem.Remove("traceId"));
            return problem.ToJsonString();
        }));
        Assert.Single(bodies.Distinct());
    }

    [Fact]
    public async Task A_user_with_a_second_factor_logs_in_with_a_current_code_and_the_same_code_is_refused_the_second_time()
    {
        var (username, secret) = await EnrolledUserAsync();
        var code = CodeNow(secret);

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(username, Password, code)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(username, Password, code)).StatusCode);
    }

    [Fact]
    public async Task Of_concurrent_logins_with_one_code_at_most_one_succeeds()
    {
        var (username, secret) = await EnrolledUserAsync();
        var code = CodeNow(secret);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => LoginAsync(username, Password, code)));

        Assert.Equal(1, responses.Count(response => response.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task After_three_free_failures_even_the_right_password_waits_uncounted_and_then_gets_in()
    {
        var (username, secret) = await EnrolledUserAsync();
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(username, "a wrong password " + i)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(username, Password, CodeNow(secret))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(username, "yet another wrong one")).StatusCode);
        var account = await Accounts.FindAsync(username, default);
        Assert.Equal(LoginThrottle.FreeFailures, account!.FailedLogins);

        await Task.Delay(LoginThrottle.WaitAfter(account.FailedLogins) + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(username, Password, CodeNow(secret))).StatusCode);
        Assert.Equal(0, (await Accounts.FindAsync(username, default))!.FailedLogins);
    }

    [Fact]
    public async Task A_disabled_user_cannot_log_in()
    {
        var (username, secret) = await EnrolledUserAsync();

        await host.Services.GetRequiredService<AccountAdministration>().DisableAsync(username, "admin1", default);

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(username, Password, CodeNow(secret))).StatusCode);
    }

    [Fact]
    public async Task A_reset_second_factor_makes_the_old_secret_useless()
    {
        var (username, oldSecret) = await EnrolledUserAsync();

        var setup = await host.Services.GetRequiredService<AccountAdministration>().ResetTotpAsync(username, "admin1", default);

        Assert.DoesNotContain(Base32Encoding.ToString(oldSecret).TrimEnd('='), setup.Uri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(username, Password, CodeNow(oldSecret))).StatusCode);
    }

    [Fact]
    public async Task Administration_refuses_weak_passwords_unknown_roles_bad_names_and_duplicates()
    {
        var admin = host.Services.GetRequiredService<AccountAdministration>();

        await Assert.ThrowsAsync<AdministrationException>(() => admin.AddAsync("newuser1", "N", "O", ["registrar"], "password123456", "admin1", default));
        await Assert.ThrowsAsync<AdministrationException>(() => admin.AddAsync("newuser2", "N", "O", ["chief"], Password, "admin1", default));
        await Assert.ThrowsAsync<AdministrationException>(() => admin.AddAsync("registrar1", "N", "O", ["registrar"], Password, "admin1", default));
        await Assert.ThrowsAsync<AdministrationException>(() => admin.AddAsync("Bad Name", "N", "O", ["registrar"], Password, "admin1", default));
    }

    [Fact]
    public async Task Passwords_and_second_factor_secrets_are_never_stored_in_clear()
    {
        var (username, secret) = await EnrolledUserAsync();
        var account = await Accounts.FindAsync(username, default);

        Assert.StartsWith("$argon2id$", account!.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, account.PasswordHash, StringComparison.Ordinal);
        Assert.False(account.WrappedTotpSecret!.AsSpan().IndexOf(secret) >= 0);
    }
}
