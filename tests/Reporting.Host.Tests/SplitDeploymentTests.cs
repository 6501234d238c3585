using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Reporting.Testing;
using Xunit.Abstractions;

namespace Reporting.Host.Tests;

/// <summary>
/// The split deployment as docs/operations.md sets it up: the schema migrated and the roles made by their verbs as
/// the schema's owner, then three <c>reporting serve</c> processes on three ports, each logged in as its own role:
/// Intake (the informants' host), the staff's host (cases, with the publishers' side of Disclosure) and the public
/// record (Disclosure alone). A report travels from the first to a closed case on the second, its outcome back to the
/// informant on the first, and its notice to the third.
/// </summary>
public sealed class SplitDeploymentTests(SplitDeploymentTests.Deployment deployment, ITestOutputHelper output) : IClassFixture<SplitDeploymentTests.Deployment>
{
    public sealed class Deployment : CaseFlowHost
    {
        private readonly List<HostProcess> _hosts = [];

        protected override bool InProcess => false;

        protected override HttpClient IntakeClient => Intake;

        public HttpClient Intake { get; private set; } = null!;
        public HttpClient Public { get; private set; } = null!;
        public IReadOnlyList<HostProcess> Hosts => _hosts;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var folder = TestCluster.NewFolder();
            var keys = Path.Combine(folder, "office-keys.json");
            var passwords = Path.Combine(folder, "passwords");
            var owner = $"--ConnectionStrings:Reporting={ConnectionString}";
            await VerbAsync("db", "migrate", "--environment", "Development", $"--Keys:File={keys}", owner);
            await VerbAsync("db", "roles", "--prefix", Name, "--passwords", passwords, owner);
            var sealing = JsonDocument.Parse((await VerbAsync("keys", "export-public", "--key-file", keys)).Output).RootElement
                .GetProperty("keys").EnumerateArray().Single(key => key.GetProperty("purpose").GetString() == "sealing");

            string As(string role) => new NpgsqlConnectionStringBuilder(ConnectionString)
            {
                Username = $"{Name}_{role}", Password = File.ReadAllText(Path.Combine(passwords, $"{Name}_{role}.password")),
            }.ConnectionString;
            string[] notMigrating = ["--Database:MigrateOnStartup=false"];

            var staff = await StartAsync(As("cases"), "split-cases", keys, [.. notMigrating, "--modules", "cases,disclosure"]);
            var intake = await StartAsync(As("intake"), "split-intake", keys, [.. notMigrating, "--modules", "intake",
                $"--Intake:SealingKey:KeyId={sealing.GetProperty("keyId").GetString()}", $"--Intake:SealingKey:PublicKey={sealing.GetProperty("publicKey").GetString()}",
                "--Intake:Flood:BurstSize=100000", $"--Intake:Limits:AttachmentDirectory={Path.Combine(folder, "attachments")}"]);
            var open = await StartAsync(As("disclosure"), "split-public", keys, [.. notMigrating, "--modules", "disclosure"]);
            BaseAddress = staff.BaseAddress;
            Client = new HttpClient { BaseAddress = staff.BaseAddress };
            Intake = new HttpClient { BaseAddress = intake.BaseAddress };
            Public = new HttpClient { BaseAddress = open.BaseAddress };
        }

        private async Task<HostProcess> StartAsync(string connectionString, string name, string keys, string[] arguments)
        {
            var host = await HostProcess.ServeAsync(connectionString, name, keys, arguments);
            _hosts.Add(host);
            return host;
        }

        private static async Task<(int ExitCode, string Output)> VerbAsync(params string[] arguments)
        {
            var run = await HostProcess.RunAsync(arguments);
            Assert.True(run.ExitCode == 0, $"reporting {string.Join(' ', arguments.Take(2))}: {run.ExitCode}\n{run.Output}");
            return run;
        }

        public override async Task DisposeAsync()
        {
            Intake?.Dispose();
            Public?.Dispose();
            Client?.Dispose();
            foreach (var host in _hosts)
                await host.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_report_travels_from_the_intake_host_to_a_closed_case_on_the_staff_host_and_its_notice_to_the_public_host()
    {
        try
        {
            var (receipt, caseId) = await deployment.ClosedDecidedCaseAsync();
            var status = await deployment.InformantStatusAsync(receipt);
            Assert.Equal("concluded", status.GetProperty("stage").GetString());

            var noticeId = await PublishAsync(caseId);
            var notice = await deployment.Public.GetFromJsonAsync<JsonElement>($"/api/notices/{noticeId}");
            Assert.Equal(1, notice.GetProperty("versions").GetArrayLength());
            var page = await deployment.Public.GetStringAsync($"/notices/{noticeId}");
            Assert.Contains("某市某局原局长张三受到党内严重警告处分", page, StringComparison.Ordinal);
        }
        catch
        {
            foreach (var host in deployment.Hosts)
                output.WriteLine(host.Log);
            throw;
        }
    }

    [Fact]
    public async Task Every_host_is_ready_under_its_own_role()
    {
        foreach (var client in new[] { deployment.Client, deployment.Intake, deployment.Public })
        {
            using var ready = await client.GetAsync("/health/ready");
            Assert.True(ready.StatusCode == HttpStatusCode.OK, $"{client.BaseAddress}: {(int)ready.StatusCode} {await ready.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData("intake", "/api/cases")]
    [InlineData("intake", "/staff/sign-in")]
    [InlineData("public", "/api/cases")]
    [InlineData("public", "/api/notices/drafts")]
    [InlineData("public", "/api/intake/config")]
    public async Task Each_host_serves_only_its_own_surface(string host, string path)
    {
        var client = host == "intake" ? deployment.Intake : deployment.Public;
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Guid> PublishAsync(Guid caseId)
    {
        var drafted = await deployment.SendAsync(HttpMethod.Post, "/api/notices", "publisher1", DisclosureHost.SanctionDraft(caseId));
        Assert.True(drafted.StatusCode == HttpStatusCode.Created, await drafted.Content.ReadAsStringAsync());
        var noticeId = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("noticeId").GetGuid();
        foreach (var (user, action, body) in new[] { ("approver1", "approve", (object)new { comment = "同意发布" }), ("publisher1", "publish", new { }) })
        {
            var acted = await deployment.SendAsync(HttpMethod.Post, $"/api/notices/{noticeId}/actions/{action}", user, body);
            Assert.True(acted.StatusCode == HttpStatusCode.OK, $"{action}: {await acted.Content.ReadAsStringAsync()}");
        }
        return noticeId;
    }
}
