using Reporting.Storage.Shredding;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Cases;
using Marten;
using Reporting.Intake.Contracts;
using Reporting.Staff.Tests.Hosting;

namespace Reporting.Staff.Tests.Authorization;

/// <summary>The host with its real case access facts, read from case streams in the event store.</summary>
public sealed class CaseStreamHost : StaffHost
{
    protected override void ConfigureServices(IServiceCollection services)
    {
    }
}

public sealed class CaseStreamAccessTests(CaseStreamHost host) : IClassFixture<CaseStreamHost>
{
    private async Task<Guid> CaseAsync(params object[] handling)
    {
        var caseId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var envelope = new SealedEnvelope("seal-test", new byte[80], new Dictionary<string, byte[]>());
        object[] events =
        [
            new ReportSubmitted(caseId, "lookup-" + caseId.ToString("N"), new byte[32], envelope, null, "zh-CN", now),
            new CaseRegistered(["integrity"], new Shreddable<IReadOnlyList<AccusedPerson>>([new AccusedPerson("审计员一 Auditor One", "局长", "某区交通局", null, null)]), "摘要", false, "web", false, "registrar1", now),
            .. handling,
        ];
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.StartStream(caseId, events);
        await session.SaveChangesAsync();
        return caseId;
    }

    private async Task<HttpStatusCode> ActAsync(string username, Guid caseId, string action) =>
        (await host.SendAsync(HttpMethod.Post, $"/probe/cases/{caseId}/actions/{action}", await host.SeededTokenAsync(username), new { })).StatusCode;

    [Fact]
    public async Task Assignment_from_the_case_stream_decides_handling_actions()
    {
        var caseId = await CaseAsync(new StaffAssigned(["supervisor1"], "approver1", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, await ActAsync("supervisor1", caseId, "submit-verification-report"));
        Assert.Equal(HttpStatusCode.Forbidden, await ActAsync("supervisor2", caseId, "submit-verification-report"));
    }

    [Fact]
    public async Task A_recusal_in_the_case_stream_shuts_the_user_out_of_the_case()
    {
        var caseId = await CaseAsync(new StaffRecused("registrar1", "related to the accused", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Get, $"/probe/cases/{caseId}", await host.SeededTokenAsync("registrar1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ActAsync("registrar1", await CaseAsync(), "accept"));
    }

    [Fact]
    public async Task The_proposer_recorded_in_the_case_stream_cannot_approve()
    {
        var proposal = new ProposalMade(1, "park", "no leads", ["supervisor1", "supervisor2"], 1, "approver1", DateTimeOffset.UtcNow);
        var caseId = await CaseAsync(proposal);

        Assert.Equal(HttpStatusCode.Forbidden, await ActAsync("approver1", caseId, "approve"));
        Assert.Equal(HttpStatusCode.OK, await ActAsync("approver2", caseId, "approve"));
    }

    [Fact]
    public async Task A_case_that_does_not_exist_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, await ActAsync("registrar1", Guid.NewGuid(), "accept"));
    }

    [Fact]
    public async Task Workflow_actions_beyond_the_contract_table_reach_the_case_for_handlers_and_stop_others()
    {
        var caseId = await CaseAsync();

        Assert.Equal(HttpStatusCode.OK, await ActAsync("reviewer1", caseId, "record-defence"));
        Assert.Equal(HttpStatusCode.Forbidden, await ActAsync("auditor1", caseId, "record-defence"));
    }
}
