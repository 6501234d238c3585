using System.Text.Json;

namespace Reporting.Testing;

/// <summary>
/// The main path's steps, taken over HTTP by the seeded staff who may take them, with the bodies the contract gives.
/// Each returns the case after its last step, so that a test asserts only what its own route adds. Shared by every
/// module's tests that need a case at some stage: Case Management's own, and Disclosure's, which publishes from one.
/// </summary>
public static class CaseFlowWalks
{
    public static readonly string[] Meeting = ["supervisor1", "supervisor2", "approver1"];

    public static object Registration(bool realName, bool accusesHead = false) => new
    {
        categories = new[] { "integrity", "eight-point-rules" },
        accused = new[] { new { name = "张三", position = "局长", organization = "某市某局" } },
        summary = "收受礼金和购物卡",
        realName,
        accusesHead,
    };

    public static Task<JsonElement> RegisterAsync(this CaseFlowHost host, Guid caseId, bool realName, bool accusesHead = false) =>
        host.ActAsync("registrar1", caseId, "register", Registration(realName, accusesHead));

    public static async Task<(string Receipt, Guid CaseId)> RegisteredCaseAsync(this CaseFlowHost host, bool realName = true)
    {
        var (receipt, caseId) = await host.NewCaseAsync(realName);
        await host.RegisterAsync(caseId, realName);
        return (receipt, caseId);
    }

    public static async Task<(string Receipt, Guid CaseId)> AcceptedCaseAsync(this CaseFlowHost host, bool realName = true)
    {
        var (receipt, caseId) = await host.RegisteredCaseAsync(realName);
        await host.ActAsync("registrar1", caseId, "accept");
        return (receipt, caseId);
    }

    /// <summary>supervisor1 proposes the disposition, approver1 approves it.</summary>
    public static async Task<JsonElement> DisposedAsync(this CaseFlowHost host, Guid caseId, string method)
    {
        await host.ActAsync("supervisor1", caseId, "propose-disposition", new { method, reason = "经集体研究", collectiveReview = Meeting });
        return await host.ActAsync("approver1", caseId, "approve", new { comment = "同意" });
    }

    /// <summary>Verified, filed with both approvals, and assigned to investigator1 and investigator2.</summary>
    public static async Task<(string Receipt, Guid CaseId)> InvestigatingCaseAsync(this CaseFlowHost host, bool realName = true)
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync(realName);
        await host.DisposedAsync(caseId, "preliminary-verification");
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "supervisor1", "supervisor2" } });
        await host.ActAsync("supervisor1", caseId, "submit-verification-report", new { findings = "部分属实", recommendation = "file-case" });
        await host.ActAsync("supervisor2", caseId, "sign-verification-report");
        await host.ActAsync("supervisor1", caseId, "propose-filing", new { reason = "违纪事实清楚", collectiveReview = Meeting });
        await host.ActAsync("approver1", caseId, "approve", new { comment = "同意立案" });
        await host.ActAsync("approver2", caseId, "approve", new { comment = "同意立案" });
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "investigator1", "investigator2" } });
        return (receipt, caseId);
    }

    /// <summary>Investigated, reviewed with the subject's defence heard, and decided: a party serious warning.</summary>
    public static async Task<(string Receipt, Guid CaseId)> DecidedCaseAsync(this CaseFlowHost host, bool realName = true)
    {
        var (receipt, caseId) = await host.InvestigatingCaseAsync(realName);
        await host.ActAsync("investigator1", caseId, "submit-investigation-report", new { findings = "查明违纪事实" });
        await host.ActAsync("reviewer1", caseId, "record-defence", new { statement = "本人承认收受礼金" });
        await host.ActAsync("reviewer1", caseId, "submit-review-report", new
        {
            findings = "违反中央八项规定精神",
            proposedSanctions = new[] { new { kind = "party", type = "serious-warning" } },
            collectiveReview = new[] { "reviewer1", "approver1" },
        });
        await host.ActAsync("approver1", caseId, "approve", new { comment = "同意" });
        return (receipt, caseId);
    }

    /// <summary>Decided and closed, the informant told the outcome: a case a disposition notice may be drafted for.</summary>
    public static async Task<(string Receipt, Guid CaseId)> ClosedDecidedCaseAsync(this CaseFlowHost host, bool realName = true)
    {
        var (receipt, caseId) = await host.DecidedCaseAsync(realName);
        await host.ActAsync("registrar1", caseId, "close", new { outcomeForInformant = "经查，反映的问题基本属实，已给予党内严重警告处分。" });
        return (receipt, caseId);
    }
}
