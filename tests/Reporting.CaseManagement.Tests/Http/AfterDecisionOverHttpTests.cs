using Reporting.Testing;
using System.Net;
using System.Text.Json;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>
/// What may follow a filed or decided case, through the real host: withdrawal during investigation, appeals against
/// a decision (review, then re-review), and for a report that proved unfounded, clearing the accused's name and
/// recording a knowingly false accusation. None of it is the informant's business beyond "in progress" and the outcome.
/// </summary>
public sealed class AfterDecisionOverHttpTests(CaseHost host) : IClassFixture<CaseHost>
{
    [Fact]
    public async Task A_case_under_investigation_is_withdrawn_on_an_approved_proposal_of_its_investigators()
    {
        var (receipt, caseId) = await host.InvestigatingCaseAsync(realName: true);
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.InProgress);

        var proposed = await host.ActAsync("investigator2", caseId, "propose-withdrawal", new { reason = "主要违纪事实不能成立" });
        Assert.Equal("investigating", proposed.Stage());
        Assert.Equal("withdrawal", proposed.GetProperty("pendingProposal").GetProperty("kind").GetString());
        Assert.DoesNotContain("submit-investigation-report", (await host.DetailAsync(caseId, "investigator1")).AllowedActions());

        var withdrawn = await host.ActAsync("approver2", caseId, "approve", new { comment = "同意撤销" });

        Assert.Equal("decided", withdrawn.Stage());
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("pendingProposal").ValueKind);
        withdrawn.AssertRunning(DeadlineKind.Feedback, CaseJson.Calendar.AddWorkingDays(withdrawn.DayOf("case_concluded"), DeadlineRules.FeedbackWorkingDays));
        Assert.False(withdrawn.HasDeadline(DeadlineKind.AppealWindow), "a withdrawn case decided no sanction to appeal against");
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.InProgress);
    }

    [Fact]
    public async Task An_investigator_not_on_the_case_cannot_propose_its_withdrawal()
    {
        var (_, caseId) = await host.InvestigatingCaseAsync();
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "investigator1" } });

        var response = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/propose-withdrawal", "investigator2", new { reason = "不成立" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("investigating", (await host.DetailAsync(caseId)).Stage());
    }

    [Fact]
    public async Task A_decision_is_appealed_for_review_then_re_review_each_within_its_time_and_stays_in_force_meanwhile()
    {
        var (receipt, caseId) = await host.DecidedCaseAsync(realName: true);
        var decided = await host.DetailAsync(caseId);
        decided.AssertRunning(DeadlineKind.AppealWindow, CaseJson.Calendar.AddMonths(decided.DayOf("decision_made"), DeadlineRules.AppealWindowMonths));
        decided.AssertRunning(DeadlineKind.Feedback, CaseJson.Calendar.AddWorkingDays(decided.DayOf("decision_made"), DeadlineRules.FeedbackWorkingDays));

        var lodged = await host.ActAsync("reviewer1", caseId, "lodge-appeal", new { kind = "review", grounds = "处分过重" });

        Assert.Equal("decided", lodged.Stage());
        lodged.AssertMet(DeadlineKind.AppealWindow);
        lodged.AssertRunning(DeadlineKind.AppealDecision, CaseJson.Calendar.AddMonths(lodged.DayOf("appeal_lodged"), DeadlineRules.AppealReviewMonths));
        Assert.Contains("close", (await host.DetailAsync(caseId)).AllowedActions());

        var upheld = await host.ActAsync("approver2", caseId, "decide-appeal", new { outcome = "upheld", comment = "维持原处分" });

        upheld.AssertMet(DeadlineKind.AppealDecision);
        upheld.AssertRunning(DeadlineKind.AppealWindow, CaseJson.Calendar.AddMonths(upheld.DayOf("appeal_decided"), DeadlineRules.AppealWindowMonths));
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.InProgress);

        await host.ActAsync("registrar1", caseId, "close", new { outcomeForInformant = "经查，已给予党内严重警告处分。" });
        var reReview = await host.ActAsync("registrar1", caseId, "lodge-appeal", new { kind = "re-review", grounds = "仍认为处分过重" });

        Assert.Equal("closed", reReview.Stage());
        reReview.AssertRunning(DeadlineKind.AppealDecision, CaseJson.Calendar.AddMonths(reReview.DayOf("appeal_lodged"), DeadlineRules.AppealReReviewMonths));

        var varied = await host.ActAsync("approver1", caseId, "decide-appeal",
            new { outcome = "varied", comment = "改为警告", sanctions = new[] { new { kind = "party", type = "warning" } } });

        varied.AssertMet(DeadlineKind.AppealDecision);
        varied.AssertMet(DeadlineKind.AppealWindow);
        Assert.DoesNotContain("lodge-appeal", (await host.DetailAsync(caseId)).AllowedActions());
        var status = await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.Concluded);
        Assert.Equal("经查，已给予党内严重警告处分。", status.GetProperty("feedback").GetString());
    }

    [Fact]
    public async Task Appeals_take_their_order_and_only_a_decision_with_sanctions_is_appealed()
    {
        var (_, decided) = await host.DecidedCaseAsync();
        var (_, closedWithoutAction) = await host.AcceptedCaseAsync();
        await host.DisposedAsync(closedWithoutAction, "close-no-action");

        var reReviewFirst = await host.SendAsync(HttpMethod.Post, $"/api/cases/{decided}/actions/lodge-appeal", "reviewer1", new { kind = "re-review", grounds = "过重" });
        var noSanction = await host.SendAsync(HttpMethod.Post, $"/api/cases/{closedWithoutAction}/actions/lodge-appeal", "reviewer1", new { kind = "review", grounds = "过重" });
        var noAppeal = await host.SendAsync(HttpMethod.Post, $"/api/cases/{decided}/actions/decide-appeal", "approver1", new { outcome = "upheld", comment = "维持" });

        Assert.Equal(HttpStatusCode.Conflict, reReviewFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, noSanction.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, noAppeal.StatusCode);
    }

    [Fact]
    public async Task A_report_that_proved_unfounded_clears_the_accused_on_approval_and_may_be_recorded_as_a_false_accusation()
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync(realName: true);
        await host.DisposedAsync(caseId, "close-no-action");
        await host.ActAsync("registrar1", caseId, "close", new { outcomeForInformant = "经研究，予以了结。" });

        var proposed = await host.ActAsync("supervisor2", caseId, "propose-clarification", new { statement = "经查，反映张三的问题不属实，予以澄清正名。" });

        Assert.Equal("closed", proposed.Stage());
        Assert.Equal("clarification", proposed.GetProperty("pendingProposal").GetProperty("kind").GetString());
        Assert.Contains("approve", (await host.DetailAsync(caseId, "approver2")).AllowedActions());

        var cleared = await host.ActAsync("approver2", caseId, "approve", new { comment = "同意澄清" });

        Assert.Equal("closed", cleared.Stage());
        Assert.Contains("name_cleared", cleared.Events());
        Assert.DoesNotContain("propose-clarification", (await host.DetailAsync(caseId, "supervisor1")).AllowedActions());

        var recorded = await host.ActAsync("supervisor1", caseId, "record-false-accusation", new { findings = "举报人故意捏造事实" });

        Assert.Contains("false_accusation_recorded", recorded.Events());
        var again = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/record-false-accusation", "supervisor1", new { findings = "同上" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var status = await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.Concluded);
        Assert.Equal("经研究，予以了结。", status.GetProperty("feedback").GetString());
        Assert.Empty(status.Messages());
    }

    [Fact]
    public async Task A_sanctioned_persons_name_is_not_cleared_nor_the_report_called_false()
    {
        var (_, caseId) = await host.DecidedCaseAsync();

        var clarification = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/propose-clarification", "supervisor1", new { statement = "澄清" });
        var falseAccusation = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/record-false-accusation", "supervisor1", new { findings = "诬告" });

        Assert.Equal(HttpStatusCode.Conflict, clarification.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, falseAccusation.StatusCode);
    }
}
