using Reporting.Testing;
using System.Text.Json;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>
/// The dispositions other than preliminary verification (which the main path takes), through the real host: talk or
/// letter inquiry, parking and reopening on the informant's new evidence, and closing without action. The informant
/// reads only "in progress" until the case is closed with feedback, whatever happens in between.
/// </summary>
public sealed class DispositionsOverHttpTests(CaseHost host) : IClassFixture<CaseHost>
{
    [Fact]
    public async Task A_talk_inquiry_awaits_the_written_reply_within_fifteen_working_days_and_may_clear_the_person_asked()
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync(realName: true);

        var opened = await host.DisposedAsync(caseId, "talk-inquiry");

        Assert.Equal("talk-inquiry", opened.Stage());
        opened.AssertRunning(DeadlineKind.InquiryReply,
            CaseJson.Calendar.AddWorkingDays(opened.DayOf("inquiry_opened"), DeadlineRules.InquiryReplyWorkingDays));
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.InProgress);

        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "supervisor1", "supervisor2" } });
        var replied = await host.ActAsync("supervisor2", caseId, "record-inquiry-reply", new { summary = "本人书面说明了情况" });
        replied.AssertMet(DeadlineKind.InquiryReply);

        var cleared = await host.ActAsync("supervisor1", caseId, "record-inquiry-outcome", new { outcome = "cleared", note = "反映问题不属实，予以了结" });

        Assert.Equal("decided", cleared.Stage());
        cleared.AssertRunning(DeadlineKind.Feedback, CaseJson.Calendar.AddWorkingDays(cleared.DayOf("case_concluded"), DeadlineRules.FeedbackWorkingDays));
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.InProgress);

        var closed = await host.ActAsync("registrar1", caseId, "close", new { outcomeForInformant = "经谈话函询，反映的问题不属实。" });

        Assert.Equal("closed", closed.Stage());
        closed.AssertMet(DeadlineKind.Feedback);
        var status = await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.Concluded);
        Assert.Equal("经谈话函询，反映的问题不属实。", status.GetProperty("feedback").GetString());
    }

    [Fact]
    public async Task An_inquiry_taken_further_to_verification_becomes_a_proposal_and_the_informant_sees_no_step_back()
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync();
        await host.DisposedAsync(caseId, "talk-inquiry");
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "supervisor1", "supervisor2" } });
        await host.ActAsync("supervisor1", caseId, "record-inquiry-reply", new { summary = "说明不清" });

        var further = await host.ActAsync("supervisor1", caseId, "record-inquiry-outcome",
            new { outcome = "verification", note = "需初步核实", collectiveReview = CaseFlowWalks.Meeting });

        Assert.Equal("disposition-pending", further.Stage());
        further.AssertMet(DeadlineKind.InquiryReply);
        Assert.Equal("preliminary-verification", further.GetProperty("pendingProposal").GetProperty("kind").GetString());
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.InProgress);
        var verifying = await host.ActAsync("approver2", caseId, "approve", new { comment = "同意" });
        Assert.Equal("verification", verifying.Stage());
    }

    [Fact]
    public async Task A_parked_case_is_reopened_on_evidence_the_informant_sends_while_it_waits()
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync();

        var parked = await host.DisposedAsync(caseId, "park");

        Assert.Equal("parked", parked.Stage());
        // A parked lead waits for evidence, not for anyone's deadline: nothing runs that could fall overdue.
        Assert.All(parked.GetProperty("deadlines").EnumerateArray(), deadline => Assert.True(deadline.IsMet()));
        parked.AssertMet(DeadlineKind.AcceptanceNotice);
        Assert.DoesNotContain("propose-disposition", (await host.DetailAsync(caseId, "supervisor1")).AllowedActions());
        var status = await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.InProgress);
        Assert.Empty(status.Messages());

        await host.InformantWritesAsync(receipt, "补充材料：宴请发票共三张，已拍照保存。");
        var withEvidence = await host.DetailAsync(caseId, "supervisor2");
        var message = Assert.Single(withEvidence.Messages());
        Assert.Equal("informant", message.GetProperty("from").GetString());
        Assert.Equal("补充材料：宴请发票共三张，已拍照保存。", message.GetProperty("body").GetString());
        Assert.Contains("reopen", withEvidence.AllowedActions());

        var reopened = await host.ActAsync("supervisor2", caseId, "reopen", new { newEvidence = "举报人补充了宴请发票" });

        Assert.Equal("accepted", reopened.Stage());
        Assert.Contains("case_reopened", reopened.Events());
        Assert.Contains("propose-disposition", (await host.DetailAsync(caseId, "supervisor1")).AllowedActions());
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.InProgress);
    }

    [Fact]
    public async Task A_case_closed_without_action_owes_the_real_name_informant_feedback_within_fifteen_working_days()
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync(realName: true);

        var concluded = await host.DisposedAsync(caseId, "close-no-action");

        Assert.Equal("decided", concluded.Stage());
        concluded.AssertRunning(DeadlineKind.Feedback, CaseJson.Calendar.AddWorkingDays(concluded.DayOf("case_concluded"), DeadlineRules.FeedbackWorkingDays));
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.InProgress);

        var closed = await host.ActAsync("supervisor1", caseId, "close", new { outcomeForInformant = "经研究，予以了结。" });

        Assert.Equal("closed", closed.Stage());
        closed.AssertMet(DeadlineKind.Feedback);
        Assert.Contains(closed.Messages(), sent => sent.GetProperty("from").GetString() == "office-feedback"
            && sent.GetProperty("body").GetString() == "经研究，予以了结。" && sent.GetProperty("by").GetString() == "supervisor1");
        var status = await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.Concluded);
        Assert.Equal("经研究，予以了结。", status.GetProperty("feedback").GetString());
    }

    [Fact]
    public async Task A_rejected_disposition_returns_the_case_to_supervision_and_the_informant_sees_no_change()
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync();
        var proposed = await host.ActAsync("supervisor1", caseId, "propose-disposition",
            new { method = "close-no-action", reason = "线索不具体", collectiveReview = CaseFlowWalks.Meeting });
        Assert.Equal("disposition-pending", proposed.Stage());
        Assert.Contains("reject", (await host.DetailAsync(caseId, "approver2")).AllowedActions());

        var rejected = await host.ActAsync("approver2", caseId, "reject", new { comment = "线索具体，应当核实" });

        Assert.Equal("accepted", rejected.Stage());
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("pendingProposal").ValueKind);
        Assert.Contains("proposal_rejected", rejected.Events());
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.Accepted);
    }
}
