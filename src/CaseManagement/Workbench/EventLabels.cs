namespace Reporting.CaseManagement.Workbench;

/// <summary>The timeline's names for the case's events and its deadlines, Chinese and English; an event without a name shows as its stored type.</summary>
internal static class EventLabels
{
    private static readonly IReadOnlyDictionary<string, (string Zh, string En)> Events = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["ReportSubmitted"] = ("收到举报", "Report received"),
        ["CaseNumbered"] = ("编号", "Case number given"),
        ["CaseNumberIssued"] = ("编号", "Case number given"),
        ["CaseRegistered"] = ("登记", "Registered"),
        ["CaseAccepted"] = ("受理", "Accepted"),
        ["MarkedDuplicate"] = ("标记为重复件", "Marked as a duplicate"),
        ["FiledNoSubstance"] = ("无实质内容存档", "Filed without substance"),
        ["CaseEscalated"] = ("上报", "Escalated"),
        ["ReportBypassed"] = ("越级上报", "Sent to the organ above"),
        ["CaseTransferred"] = ("转办", "Transferred"),
        ["TransferResponseRecorded"] = ("登记转办回复", "Transfer's response recorded"),
        ["CaseDeclined"] = ("不予受理", "Declined"),
        ["StaffAssigned"] = ("分配承办人", "Staff assigned"),
        ["StaffRecused"] = ("回避", "Recusal"),
        ["ProposalMade"] = ("提出审批事项", "Proposal made"),
        ["ProposalApproved"] = ("批准", "Approved"),
        ["ProposalRejected"] = ("退回", "Rejected"),
        ["InquiryOpened"] = ("开始谈话函询", "Inquiry opened"),
        ["InquiryReplyRecorded"] = ("登记函询回复", "Inquiry's reply recorded"),
        ["InquiryOutcomeRecorded"] = ("登记谈话函询结果", "Inquiry's outcome recorded"),
        ["VerificationOpened"] = ("开始初步核实", "Verification opened"),
        ["VerificationReportSubmitted"] = ("提交初核报告", "Verification report submitted"),
        ["VerificationReportSigned"] = ("会签初核报告", "Verification report signed"),
        ["CaseParked"] = ("暂存待查", "Parked"),
        ["CaseReopened"] = ("重新启用", "Reopened"),
        ["CaseFiled"] = ("立案", "Filed"),
        ["InvestigationReportSubmitted"] = ("提交审查调查报告", "Investigation report submitted"),
        ["DefenceRecorded"] = ("登记陈述申辩", "Defence recorded"),
        ["ReviewReportSubmitted"] = ("提交审理报告", "Review report submitted"),
        ["DecisionMade"] = ("作出处分决定", "Decision made"),
        ["CaseConcluded"] = ("办理结论", "Concluded"),
        ["CaseClosed"] = ("办结", "Closed"),
        ["CaseClosedWithDecision"] = ("办结记录", "Closing record"),
        ["AppealLodged"] = ("登记申诉", "Appeal lodged"),
        ["AppealDecided"] = ("作出申诉复查决定", "Appeal decided"),
        ["NameCleared"] = ("澄清正名", "Name cleared"),
        ["FalseAccusationRecorded"] = ("认定诬告陷害", "False accusation recorded"),
        ["InformantMessageReceived"] = ("收到举报人来信", "Message from the informant"),
        ["OfficeMessageSent"] = ("回复举报人", "Reply sent to the informant"),
        ["OfficeMessageWritten"] = ("回复留档", "Reply kept on file"),
        ["InformantStageChanged"] = ("举报人可见的进度更新", "Progress shown to the informant"),
        ["AttachmentReceived"] = ("收到附件", "Attachment received"),
        ["ProtectionRequested"] = ("举报人请求保护", "Protection requested"),
        ["ProtectionRequestHandled"] = ("处理保护请求", "Protection request handled"),
        ["IdentityRequested"] = ("申请查看举报人身份", "Identity requested"),
        ["IdentityGranted"] = ("批准查看身份", "Identity granted"),
        ["IdentityRefused"] = ("拒绝查看身份", "Identity refused"),
        ["DeadlineStarted"] = ("期限开始计算", "Deadline started"),
        ["DeadlineClosed"] = ("期限结束", "Deadline ended"),
        ["DeadlineReminderSent"] = ("期限提醒", "Deadline reminder"),
    };

    private static readonly IReadOnlyDictionary<string, (string Zh, string En)> Deadlines = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["acceptance-notice"] = ("告知受理", "Acceptance notice"),
        ["bypass"] = ("越级报送", "Sending to the organ above"),
        ["transfer-response"] = ("转办回复", "Transfer's response"),
        ["inquiry-reply"] = ("函询回复", "Inquiry's reply"),
        ["feedback"] = ("向举报人反馈", "Feedback to the informant"),
        ["appeal-window"] = ("申诉期", "Appeal window"),
        ["appeal-decision"] = ("申诉复查决定", "Appeal decision"),
    };

    private static readonly IReadOnlyDictionary<string, (string Zh, string En)> Proposals = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["talk-inquiry"] = ("处置方式：谈话函询", "Disposition: talk or written inquiry"),
        ["preliminary-verification"] = ("处置方式：初步核实", "Disposition: preliminary verification"),
        ["park"] = ("处置方式：暂存待查", "Disposition: park"),
        ["close-no-action"] = ("处置方式：予以了结", "Disposition: close without action"),
        ["filing"] = ("立案", "Filing"),
        ["withdrawal"] = ("撤案", "Withdrawal"),
        ["decision"] = ("处分决定", "Decision"),
        ["clarification"] = ("澄清正名", "Clarification"),
    };

    public static (string Zh, string En) Proposal(string kind) => Labels.Of(Proposals, kind);

    /// <summary>The stored type name (<c>case_registered</c>, as Marten names it) in words.</summary>
    public static (string Zh, string En) Event(string storedName)
    {
        var typeName = string.Concat(storedName.Split('_').Select(part => part.Length == 0 ? "" : char.ToUpperInvariant(part[0]) + part[1..]));
        return Events.TryGetValue(typeName, out var name) ? name : (storedName, storedName);
    }

    public static (string Zh, string En) Deadline(string kind) => Labels.Of(Deadlines, kind);
}
