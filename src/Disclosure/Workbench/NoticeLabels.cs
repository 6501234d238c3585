namespace Reporting.Disclosure.Workbench;

/// <summary>The notice workbench's names for kinds, statuses and actions, Chinese and English.</summary>
public static class NoticeLabels
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Kinds = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["sanction"] = ("处分通报", "Sanction notice"),
        ["clarification"] = ("澄清正名通报", "Clarification"),
        ["case-filed"] = ("立案审查调查通报", "Case-filed notice"),
        ["withdrawal"] = ("撤回声明", "Withdrawal statement"),
        ["correction"] = ("更正", "Correction"),
        ["notice"] = ("通报", "Notice"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Statuses = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["awaiting-approval"] = ("待审批", "Awaiting approval"),
        ["approved"] = ("已批准，待发布", "Approved, to be published"),
        ["rejected"] = ("已退回", "Rejected"),
    };

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Actions = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["draft"] = ("起草通报", "Draft the notice"),
        ["revise"] = ("修改草稿", "Revise the draft"),
        ["approve"] = ("批准", "Approve"),
        ["reject"] = ("退回", "Reject"),
        ["publish"] = ("发布", "Publish"),
        ["correct"] = ("更正", "Correct"),
        ["withdraw"] = ("撤回", "Withdraw"),
    };

    public static (string Zh, string En) Of(IReadOnlyDictionary<string, (string Zh, string En)> names, string code) =>
        names.TryGetValue(code, out var name) ? name : (code, code);
}
