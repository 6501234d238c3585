using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Reporting.Testing;

namespace Reporting.Intake.Tests.Http;

public sealed class PrivacyTests(PrivacyTests.LoggedHost host) : IClassFixture<PrivacyTests.LoggedHost>
{
    private const string ContentMarker = "MARKER-CONTENT-7f3a9c";
    private const string MessageMarker = "MARKER-MESSAGE-51d0e2";
    private const string AgentMarker = "MARKER-AGENT-b6e104";
    private const string AddressMarker = "203.0.113.77";

    /// <summary>The intake host with every log line of every category, at every level, kept for the test to search.</summary>
    public sealed class LoggedHost : IntakeHost
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            settings["Logging:LogLevel:Default"] = "Trace";
            settings["Logging:LogLevel:Microsoft"] = "Trace";
            settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Lines));
    }

    [Fact]
    public async Task No_log_line_and_nothing_in_the_database_holds_the_report_the_receipt_the_user_agent_or_the_address()
    {
        var report = IntakeClient.ValidReport();
        report["details"] = $"二〇二六年春节前后多次收受礼金。{ContentMarker}";
        report["title"] = $"标题{ContentMarker}";
        var proofOfWork = await IntakeClient.SolvedProofOfWorkAsync(host.Client);
        var challenge = proofOfWork["challenge"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/reports")
        {
            Content = JsonContent.Create(new { report, proofOfWork }),
        };
        request.Headers.UserAgent.ParseAdd(AgentMarker);
        request.Headers.Add("X-Forwarded-For", AddressMarker);
        request.Headers.Add("X-Real-IP", AddressMarker);
        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/intake/messages") { Content = JsonContent.Create(new { receipt, body = MessageMarker }) };
        message.Headers.UserAgent.ParseAdd(AgentMarker);
        message.Headers.Add("X-Forwarded-For", AddressMarker);
        Assert.Equal(HttpStatusCode.Created, (await host.Client.SendAsync(message)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await IntakeClient.StatusAsync(host.Client, receipt)).StatusCode);

        var dump = await PgDumpAsync(host.ConnectionString);
        Assert.Contains("report_submitted", dump, StringComparison.Ordinal);
        Assert.Contains("mt_doc_spentfloodtoken", dump, StringComparison.Ordinal);
        Assert.NotEmpty(host.Lines);
        var logs = string.Join('\n', host.Lines);
        foreach (var secret in new[] { ContentMarker, MessageMarker, AgentMarker, AddressMarker, receipt, receipt.Replace("-", "", StringComparison.Ordinal), "礼金", challenge })
        {
            Assert.DoesNotContain(secret, dump, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("127.0.0.1", dump, StringComparison.Ordinal);
    }

    private static async Task<string> PgDumpAsync(string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("pg_dump")
        {
            ArgumentList = { "--host", connection.Host!, "--port", $"{connection.Port}", "--username", connection.Username!, "--dbname", connection.Database!, "--no-password" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        return await output;
    }
}
