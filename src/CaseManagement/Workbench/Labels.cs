using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Workbench;

/// <summary>The workbench's names for the contract's codes, Chinese and English; a code without a name shows as itself.</summary>
internal static class Labels
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Stages = new Dictionary<string, (string, string)>
    {
        ["submitted"] = ("待登记", "Awaiting registration"),
        ["registered"] = ("已登记", "Registered"),
        ["accepted"] = ("已受理", "Accepted"),
        ["disposition-pending"] = ("处置方式待审批", "Disposition awaiting approval"),
        ["talk-inquiry"] = ("谈话函询", "Talk or written inquiry"),
        ["verification"] = ("初步核实", "Preliminary verification"),
        ["parked"] = ("暂存待查", "Parked"),
        ["investigating"] = ("立案审查调查", "Under investigation"),
        ["under-review"] = ("案件审理", "Under review"),
        ["decision-pending"] = ("处分决定待审批", "Decision awaiting approval"),
        ["decided"] = ("已作出处分决定", "Decided"),
        ["closed"] = ("已办结", "Closed"),
        ["duplicate"] = ("重复件", "Duplicate"),
        ["no-substance"] = ("无实质内容存档", "Filed, no substance"),
        ["escalated"] = ("已上报", "Escalated"),
        ["transferred"] = ("已转办", "Transferred"),
        ["declined"] = ("不予受理", "Declined"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Roles = new Dictionary<string, (string, string)>
    {
        ["registrar"] = ("信访登记员", "Registrar"),
        ["supervisor"] = ("监督检查人员", "Supervisor"),
        ["investigator"] = ("审查调查人员", "Investigator"),
        ["reviewer"] = ("案件审理人员", "Reviewer"),
        ["approver"] = ("审批领导", "Approver"),
        ["publisher"] = ("信息公开人员", "Publisher"),
        ["auditor"] = ("审计人员", "Auditor"),
        ["admin"] = ("系统管理员", "Administrator"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Actions = new Dictionary<string, (string, string)>
    {
        ["register"] = ("登记", "Register"),
        ["accept"] = ("受理", "Accept"),
        ["mark-duplicate"] = ("标记为重复件", "Mark as duplicate"),
        ["file-no-substance"] = ("无实质内容存档", "File as without substance"),
        ["escalate"] = ("上报", "Escalate"),
        ["bypass"] = ("越级上报", "Send to the organ above"),
        ["transfer"] = ("转办", "Transfer"),
        ["record-transfer-response"] = ("登记转办回复", "Record the transfer's response"),
        ["decline"] = ("不予受理", "Decline"),
        ["assign"] = ("分配承办人", "Assign"),
        ["propose-disposition"] = ("提出处置方式", "Propose a disposition"),
        ["approve"] = ("批准", "Approve"),
        ["reject"] = ("退回", "Reject"),
        ["record-inquiry-reply"] = ("登记函询回复", "Record the inquiry's reply"),
        ["record-inquiry-outcome"] = ("登记谈话函询结果", "Record the inquiry's outcome"),
        ["submit-verification-report"] = ("提交初核报告", "Submit the verification report"),
        ["sign-verification-report"] = ("会签初核报告", "Sign the verification report"),
        ["reopen"] = ("重新启用", "Reopen"),
        ["propose-filing"] = ("提请立案", "Propose filing"),
        ["submit-investigation-report"] = ("提交审查调查报告", "Submit the investigation report"),
        ["propose-withdrawal"] = ("提请撤案", "Propose withdrawal"),
        ["record-defence"] = ("登记被审查人陈述申辩", "Record the defence"),
        ["submit-review-report"] = ("提交审理报告", "Submit the review report"),
        ["lodge-appeal"] = ("登记申诉", "Lodge an appeal"),
        ["decide-appeal"] = ("作出申诉复查决定", "Decide the appeal"),
        ["close"] = ("办结", "Close"),
        ["propose-clarification"] = ("提请澄清正名", "Propose a clarification"),
        ["record-false-accusation"] = ("认定诬告陷害", "Record a false accusation"),
        ["send-message"] = ("回复举报人", "Reply to the informant"),
        ["handle-protection-request"] = ("处理保护请求", "Handle a protection request"),
        ["recuse"] = ("申请回避", "Recuse myself"),
        ["request-identity"] = ("申请查看举报人身份", "Request the informant's identity"),
        ["grant-identity"] = ("批准查看身份", "Grant the identity"),
        ["refuse-identity"] = ("拒绝查看身份", "Refuse the identity"),
    };

    /// <summary>Steps that cannot be undone: each asks for a confirmation page first.</summary>
    public static readonly IReadOnlySet<string> Irreversible = new HashSet<string>(StringComparer.Ordinal)
    {
        "close", "decline", "mark-duplicate", "file-no-substance", "record-false-accusation", "grant-identity", "transfer", "bypass", "escalate",
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Fields = new Dictionary<string, (string, string)>
    {
        ["categories"] = ("问题类别", "Categories"),
        ["accused"] = ("被反映人", "Accused"),
        ["name"] = ("姓名", "Name"),
        ["position"] = ("职务", "Position"),
        ["organization"] = ("单位", "Organization"),
        ["rank"] = ("职级", "Rank"),
        ["region"] = ("地区", "Region"),
        ["summary"] = ("摘要", "Summary"),
        ["realName"] = ("实名举报", "Real-name report"),
        ["channel"] = ("来源渠道", "Channel"),
        ["accusesHead"] = ("反映本机关主要负责人", "Accuses this organ's head"),
        ["method"] = ("处置方式", "Disposition"),
        ["reason"] = ("理由", "Reason"),
        ["collectiveReview"] = ("集体研究参加人", "Collective review by"),
        ["comment"] = ("意见", "Comment"),
        ["usernames"] = ("承办人", "Assignees"),
        ["findings"] = ("查明的事实", "Findings"),
        ["recommendation"] = ("处理建议", "Recommendation"),
        ["statement"] = ("陈述申辩内容", "Statement"),
        ["subjectDeclined"] = ("被审查人放弃陈述申辩", "The subject declined to make one"),
        ["proposedSanctions"] = ("拟给予的处分", "Proposed sanctions"),
        ["kind"] = ("处分种类", "Kind"),
        ["type"] = ("处分档次", "Type"),
        ["periodMonths"] = ("期限（月）", "Period (months)"),
        ["outcomeForInformant"] = ("告知举报人的处理结果", "Outcome told to the informant"),
        ["body"] = ("内容", "Text"),
        ["ofCaseId"] = ("原案件编号（ID）", "Original case (id)"),
        ["organ"] = ("承办机关", "Organ"),
        ["note"] = ("备注", "Note"),
        ["outcome"] = ("结果", "Outcome"),
        ["case"] = ("案件", "Case"),
        ["username"] = ("用户名", "Username"),
        ["displayName"] = ("姓名", "Name"),
        ["password"] = ("初始密码", "Initial password"),
        ["roles"] = ("角色", "Roles"),
        ["from"] = ("开始日期", "From"),
        ["to"] = ("结束日期", "To"),
        ["headline"] = ("标题", "Headline"),
        ["subject"] = ("被通报人", "Subject"),
        ["formerPosition"] = ("原任职务", "Former position"),
        ["violations"] = ("违纪违法事实", "Violations"),
        ["category"] = ("类别", "Category"),
        ["finding"] = ("事实", "Finding"),
        ["characterization"] = ("定性", "Characterization"),
        ["legalBasis"] = ("依据", "Legal basis"),
        ["sanctions"] = ("处分", "Sanctions"),
        ["authority"] = ("批准机关", "Approving authority"),
        ["decidedOn"] = ("决定日期", "Decided on"),
        ["publishingOrgan"] = ("发布机关", "Publishing organ"),
    };

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<(string Code, string Zh, string En)>> Choices =
        new Dictionary<string, IReadOnlyList<(string, string, string)>>
        {
            ["categories"] = ReportCategories.All,
            ["method"] =
            [
                ("talk-inquiry", "谈话函询", "Talk or written inquiry"),
                ("preliminary-verification", "初步核实", "Preliminary verification"),
                ("park", "暂存待查", "Park"),
                ("close-no-action", "予以了结", "Close without action"),
            ],
            ["recommendation"] =
            [
                ("file-case", "立案审查调查", "File a case"),
                ("close", "予以了结", "Close"),
                ("talk-reminder", "谈话提醒", "Talk reminder"),
            ],
            ["channel"] = [("online", "网络举报", "Online"), ("letter", "来信", "Letter"), ("visit", "来访", "Visit"), ("phone", "电话", "Phone")],
            ["kind"] = [("party", "党纪处分", "Party discipline"), ("administrative", "政务处分", "Administrative sanction"), ("other", "其他处理", "Other")],
            ["type"] =
            [
                ("warning", "警告", "Warning"),
                ("serious-warning", "严重警告", "Serious warning"),
                ("removal-from-party-post", "撤销党内职务", "Removal from party post"),
                ("probation", "留党察看", "Party probation"),
                ("expulsion", "开除党籍", "Expulsion from the party"),
                ("demerit", "记过", "Demerit"),
                ("major-demerit", "记大过", "Major demerit"),
                ("demotion", "降级", "Demotion"),
                ("dismissal-from-post", "撤职", "Dismissal from post"),
                ("expulsion-from-office", "开除", "Expulsion from office"),
            ],
        };

    public static (string Zh, string En) Of(IReadOnlyDictionary<string, (string Zh, string En)> names, string code) =>
        names.TryGetValue(code, out var name) ? name : (code, code);
}
