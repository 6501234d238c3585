using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Reporting.Intake.Tests.Http;

/// <summary>Reports submitted at the same moment over HTTP, committed in shared units of work: none acknowledged is lost.</summary>
public sealed class GroupCommitTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    private const int AtOnce = 40;

    [Fact]
    public async Task Reports_submitted_at_once_all_get_distinct_receipts_and_every_one_is_kept()
    {
        var proofs = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => IntakeClient.SolvedProofOfWorkAsync(host.Client)));

        var answers = await Task.WhenAll(proofs.Select(proof => IntakeClient.SubmitAsync(host.Client, IntakeClient.ValidReport(), proof)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.StatusCode));
        var receipts = await Task.WhenAll(answers.Select(async answer => (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!));
        Assert.Equal(AtOnce, receipts.Distinct(StringComparer.Ordinal).Count());
        foreach (var receipt in receipts)
            Assert.Equal(HttpStatusCode.OK, (await IntakeClient.StatusAsync(host.Client, receipt)).StatusCode);
        Assert.Equal(AtOnce, await StoredReportCountAsync());
    }

    [Fact]
    public async Task A_group_commit_of_no_reports_at_a_time_is_refused_at_start_up()
    {
        var refused = new HostWithGroupCommit(maxBatch: "0");
        try
        {
            var exception = await Assert.ThrowsAsync<OptionsValidationException>(refused.InitializeAsync);
            Assert.Contains("GroupCommit", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            await refused.DisposeAsync();
        }
    }

    private async Task<long> StoredReportCountAsync()
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM mt_events WHERE type = 'report_submitted'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class HostWithGroupCommit(string maxBatch) : IntakeHost
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            settings["Intake:GroupCommit:MaxBatch"] = maxBatch;
        }
    }
}
