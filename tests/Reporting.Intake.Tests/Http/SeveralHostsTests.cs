using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reporting.Intake.Flood;

namespace Reporting.Intake.Tests.Http;

/// <summary>
/// Two Intake hosts behind one load balancer: one database, one token key. A challenge or form token spent on one
/// host is spent for both.
/// </summary>
public sealed partial class SeveralHostsTests(SeveralHostsTests.TwoHosts hosts) : IClassFixture<SeveralHostsTests.TwoHosts>
{
    [Fact]
    public async Task A_proof_of_work_spent_on_one_host_is_refused_on_the_other()
    {
        // Issued by one host, good on the other (they share the key), then spent for both.
        var proof = await IntakeClient.SolvedProofOfWorkAsync(hosts.First.Client);

        var first = await IntakeClient.SubmitAsync(hosts.Second.Client, IntakeClient.ValidReport(), proof);
        var second = await IntakeClient.SubmitAsync(hosts.First.Client, IntakeClient.ValidReport(), proof);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
    }

    [Fact]
    public async Task A_proof_of_work_sent_to_both_hosts_at_once_is_accepted_by_one_only()
    {
        for (var round = 0; round < 5; round++)
        {
            var proof = await IntakeClient.SolvedProofOfWorkAsync(hosts.Second.Client);

            var answers = await Task.WhenAll(
                IntakeClient.SubmitAsync(hosts.First.Client, IntakeClient.ValidReport(), proof),
                IntakeClient.SubmitAsync(hosts.Second.Client, IntakeClient.ValidReport(), proof));

            Assert.Equal(new[] { HttpStatusCode.Created, HttpStatusCode.Forbidden }, answers.Select(answer => answer.StatusCode).Order());
        }
    }

    [Fact]
    public async Task A_form_token_spent_on_one_host_is_refused_on_the_other()
    {
        var html = await hosts.First.Client.GetStringAsync(new Uri("/status", UriKind.Relative));
        var token = FormToken().Match(html).Groups[1].Value;
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var fields = new Dictionary<string, string> { ["formToken"] = token, ["receipt"] = "0000" };

        var first = await hosts.Second.Client.PostAsync(new Uri("/status", UriKind.Relative), new FormUrlEncodedContent(fields));
        var again = await hosts.First.Client.PostAsync(new Uri("/status", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.NotEqual(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("页面已过期", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spent_tokens_are_swept_once_past_their_time_and_kept_until_then()
    {
        var spent = hosts.First.Services.GetRequiredService<ISpentTokens>();
        var sweep = hosts.First.Services.GetServices<IHostedService>().OfType<SpentTokenSweep>().Single();
        var (expired, live) = (RandomId(), RandomId());
        Assert.True(await spent.TrySpendAsync(expired, DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None));
        Assert.True(await spent.TrySpendAsync(live, DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None));

        Assert.True(await sweep.SweepAsync(CancellationToken.None) >= 1);

        Assert.True(await spent.TrySpendAsync(expired, DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None));
        Assert.False(await spent.TrySpendAsync(live, DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None));
    }

    private static string RandomId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex("name=\"formToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    /// <summary>Two Intake-only hosts of the real application sharing the first one's database and one token key.</summary>
    public sealed class TwoHosts : IAsyncLifetime
    {
        private static readonly string TokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public IntakeHost First { get; } = new HostWithSharedKey(connectionString: null);

        public IntakeHost Second { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await First.InitializeAsync();
            Second = new HostWithSharedKey(First.ConnectionString);
            await Second.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await Second.DisposeAsync();
            await First.DisposeAsync();
        }

        private sealed class HostWithSharedKey(string? connectionString) : IntakeHost
        {
            protected override void Configure(IDictionary<string, string?> settings)
            {
                base.Configure(settings);
                // Intake on hosts of its own, as a deployment behind a load balancer would run it.
                settings["Modules"] = "intake";
                settings["Intake:Flood:TokenKey"] = TokenKey;
                if (connectionString is not null)
                    settings["ConnectionStrings:Reporting"] = connectionString;
            }
        }
    }
}
