namespace Reporting.CaseManagement.Workbench;

/// <summary>Names for the statistics' counters (<c>category:bribery</c>, <c>sanction:party:warning</c>), built from the same vocabularies the forms offer.</summary>
internal static class CounterLabels
{
    private static readonly IReadOnlyDictionary<string, (string Zh, string En)> Fixed = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["received"] = ("收到举报", "Reports received"),
        ["received:anonymous"] = ("其中匿名举报", "of which anonymous"),
        ["received:real-name"] = ("其中实名举报", "of which under a real name"),
        ["registered"] = ("登记", "Registered"),
        ["accepted"] = ("受理", "Accepted"),
        ["routed:duplicate"] = ("重复件", "Duplicates"),
        ["routed:no-substance"] = ("无实质内容存档", "Filed without substance"),
        ["routed:escalated"] = ("上报", "Escalated"),
        ["routed:bypassed"] = ("越级上报", "Sent to the organ above"),
        ["routed:transferred"] = ("转办", "Transferred"),
        ["routed:transferred-supervised"] = ("其中督办", "of which supervised"),
        ["routed:declined"] = ("不予受理", "Declined"),
        ["declined:litigation"] = ("不予受理：属诉讼事项", "Declined: for the courts"),
        ["declined:arbitration"] = ("不予受理：属仲裁事项", "Declined: for arbitration"),
        ["declined:other-agency"] = ("不予受理：属其他机关", "Declined: for another agency"),
        ["declined:outside-scope"] = ("不予受理：不属受理范围", "Declined: outside our scope"),
        ["disposition:talk-inquiry"] = ("谈话函询", "Talk or written inquiry"),
        ["disposition:preliminary-verification"] = ("初步核实", "Preliminary verification"),
        ["disposition:park"] = ("暂存待查", "Parked"),
        ["reopened"] = ("重新启用", "Reopened"),
        ["filed"] = ("立案", "Filed"),
        ["concluded:no-action"] = ("予以了结", "Closed without action"),
        ["concluded:inquiry-cleared"] = ("函询澄清", "Cleared by inquiry"),
        ["concluded:inquiry-reminder"] = ("函询后提醒", "Reminded after inquiry"),
        ["concluded:inquiry-criticism"] = ("函询后批评教育", "Criticised after inquiry"),
        ["concluded:withdrawn"] = ("撤案", "Withdrawn"),
        ["concluded:sanctioned"] = ("给予处分", "Sanctioned"),
        ["decided"] = ("作出处分决定", "Decisions made"),
        ["closed"] = ("办结", "Closed"),
        ["appeal:review"] = ("申请复审", "Review appeals"),
        ["appeal:re-review"] = ("申请复核", "Re-review appeals"),
        ["appeal-decided:upheld"] = ("申诉：维持", "Appeals: upheld"),
        ["appeal-decided:varied"] = ("申诉：变更", "Appeals: varied"),
        ["appeal-decided:revoked"] = ("申诉：撤销", "Appeals: revoked"),
        ["name-cleared"] = ("澄清正名", "Names cleared"),
        ["false-accusation"] = ("认定诬告陷害", "False accusations found"),
        ["protection-requested"] = ("保护请求", "Protection requests"),
        ["protection-handled"] = ("保护请求已处理", "Protection requests handled"),
    };

    public static (string Zh, string En) Of(string counter)
    {
        if (Fixed.TryGetValue(counter, out var name))
            return name;
        var parts = counter.Split(':');
        return parts switch
        {
            ["category", var code] => Prefixed(("问题类别：", "Category: "), Choice("categories", code)),
            ["channel", var code] => Prefixed(("来源渠道：", "Channel: "), Choice("channel", code)),
            ["sanction", var kind, var type] => Prefixed(("处分：", "Sanction: "), (Choice("kind", kind).Zh + "·" + Choice("type", type).Zh, Choice("kind", kind).En + ", " + Choice("type", type).En)),
            _ => (counter, counter),
        };
    }

    private static (string Zh, string En) Choice(string field, string code) =>
        Labels.Choices[field].FirstOrDefault(choice => choice.Code == code) is { Code: not null } found ? (found.Zh, found.En) : (code, code);

    private static (string Zh, string En) Prefixed((string Zh, string En) prefix, (string Zh, string En) name) => (prefix.Zh + name.Zh, prefix.En + name.En);
}
